package dev.envdoctor.sides;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.CalibrationBuilder;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.model.Engine;
import dev.envdoctor.model.JobTiming;
import dev.envdoctor.model.Peak;
import dev.envdoctor.protocol.SideAnswer;
import dev.envdoctor.protocol.WorkerOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * What one side answered, kept as the answers come (a side that dies keeps every result it
 * finished), and the one document made of them.
 */
final class Answers {

  private final SideCall call;
  SideAnswer hello;
  final List<DeviceResult> devices = new ArrayList<>();
  final List<Calibration> calibrations = new ArrayList<>();
  final List<Peak> peaks = new ArrayList<>();
  final List<JobTiming> jobs = new ArrayList<>();
  ThreadTrial threadTrial;

  Answers(SideCall call) {
    this.call = call;
  }

  /** A device the side could not verify, with why. */
  DeviceResult unverified(String name, String diagnosis) {
    return DeviceResultBuilder.builder()
        .backend(call.backend())
        .device(name)
        .verified(false)
        .diagnosis(diagnosis)
        .stderrTail(List.of())
        .build();
  }

  /** A calibration the side answered with an error, with why. */
  Calibration failed(String device, String workload, String diagnosis) {
    return CalibrationBuilder.builder()
        .backend(call.backend())
        .device(device)
        .workload(workload)
        .diagnosis(diagnosis)
        .build();
  }

  /** The device's result with the warning that {@code skipped} of {@code steps} steps on it had a non-finite gradient, unless it carries one. */
  void nonFinite(String device, int skipped, int steps) {
    for (int i = 0; i < devices.size() && skipped > 0; i++) {
      DeviceResult d = devices.get(i);
      if (d.device().equals(device) && d.diagnosis() == null) {
        devices.set(i, nonFinite(d, skipped, steps));
      }
    }
  }

  /** {@code d} with the warning that {@code skipped} of {@code steps} YOLOv8 training steps got a non-finite gradient. */
  static DeviceResult nonFinite(DeviceResult d, int skipped, int steps) {
    return DeviceResultBuilder.builder(d)
        .diagnosis(skipped + " of " + steps + " YOLOv8 training steps on " + d.device() + " got a non-finite gradient from"
            + " libtorch's backward (envdoctor skipped those updates; unguarded, one made the loss NaN for good)")
        .fix("clip the gradients and skip a non-finite update in your training loop, as envdoctor's steps do")
        .build();
  }

  /** The Python side's facts from its greeting, or null. */
  JsonNode python() {
    return hello == null ? null : hello.python();
  }

  /**
   * The document of what the side answered. A side whose engine did not load: the engine with its
   * diagnosis and, for the Java worker, the requested device carrying it too.
   */
  WorkerOutput output() {
    Engine engine = hello == null ? null : hello.engine();
    String diagnosis = hello == null ? null : hello.diagnosis();
    String fix = hello == null ? null : hello.fix();
    List<DeviceResult> ds = new ArrayList<>(devices);
    if (diagnosis != null && call.backend() == Backend.DJL) {
      ds.add(DeviceResultBuilder.builder(unverified(call.requestedDevice(), diagnosis)).fix(fix).build());
    }
    return new WorkerOutput(WorkerOutput.PROTOCOL, engine, ds, calibrations, peaks, diagnosis, fix, jobs);
  }
}
