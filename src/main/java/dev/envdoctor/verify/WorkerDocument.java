package dev.envdoctor.verify;

import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.CalibrationBuilder;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.model.Engine;
import dev.envdoctor.model.PeakBuilder;
import dev.envdoctor.protocol.WorkerEvents;
import dev.envdoctor.protocol.WorkerOutput;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import dev.envdoctor.model.Peak;

/** Reading a worker's stdout into its document, and stamping the side on what it holds. Pure. */
final class WorkerDocument {

  private WorkerDocument() {}

  /**
   * The worker document in a child's stdout: the whole text, else its last line that is a JSON
   * object (a native library may print a line of its own on fd 1 before it). Empty when there is
   * none, or it speaks another protocol.
   */
  static Optional<WorkerOutput> parse(String stdout) {
    if (stdout == null || stdout.isBlank()) {
      return Optional.empty();
    }
    Optional<WorkerOutput> whole = read(stdout.strip());
    if (whole.isPresent()) {
      return whole;
    }
    List<String> lines = stdout.strip().lines().toList();
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i).strip();
      if (line.startsWith("{")) {
        return read(line);
      }
    }
    return Optional.empty();
  }

  /** The protocol a JSON stdout claims, when it is JSON at all: for the "wrong protocol" diagnosis. */
  private static Optional<WorkerOutput> read(String text) {
    try {
      WorkerOutput out = WorkerEvents.mapper().readValue(text, WorkerOutput.class);
      return out != null && WorkerOutput.PROTOCOL.equals(out.protocol()) ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The same document with {@code runtime} set on its engine, devices and calibrations. */
  static WorkerOutput stamp(WorkerOutput o, String runtime) {
    Engine e = o.engine();
    Engine engine = e == null ? null
        : new Engine(runtime, e.name(), e.version(), e.libtorchVersion(), e.libraryPath(), e.flavor(), e.diagnosis());
    List<DeviceResult> devices = o.devices().stream().map(d -> stamp(d, runtime)).toList();
    List<Calibration> calibrations = o.calibrations().stream().map(c -> stamp(c, runtime)).toList();
    List<Peak> peaks = o.peaks().stream()
        .map(p -> PeakBuilder.builder(p)
            .runtime(runtime)
            .startMs(null)
            .endMs(null)
            .conditions(null)
            .normal(null)
            .build())
        .toList();
    return new WorkerOutput(o.protocol(), engine, devices, calibrations, peaks, o.diagnosis(), o.fix());
  }

  static DeviceResult stamp(DeviceResult d, String runtime) {
    return DeviceResultBuilder.builder(d).runtime(runtime).build();
  }

  static Calibration stamp(Calibration c, String runtime) {
    return CalibrationBuilder.builder(c).runtime(runtime).bursts(null).contention(null).allowance(null).build();
  }
}
