package dev.envdoctor.verify;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.CalibrationBuilder;
import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.protocol.CrashDiagnoses;
import dev.envdoctor.protocol.Diagnosis;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Engine;
import dev.envdoctor.protocol.WorkerEvents;
import dev.envdoctor.protocol.WorkerOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * The document the parent writes for a worker that gave none: the results it finished before it
 * died (from its stderr events), and one diagnosed entry for what it was doing when it died.
 */
final class WorkerFailure {

  private WorkerFailure() {}

  static WorkerOutput diagnose(CommandResult result, WorkerCall call, java.util.Map<String, String> env,
      String libtorchAtPath) {
    Diagnosis d = CrashDiagnoses.diagnose(result, env, libtorchAtPath);
    List<String> tail = tail(result.stderr(), result.stdout());
    List<DeviceResult> devices = new ArrayList<>();
    List<Calibration> calibrations = new ArrayList<>();
    String doing = null;
    Engine engine = null;
    for (String line : result.stderr() == null ? List.<String>of() : result.stderr().lines().toList()) {
      var event = WorkerEvents.parse(line);
      if (event.isEmpty()) {
        continue;
      }
      switch (event.get().kind()) {
        case DEVICE -> devices.add(event.get().device());
        case CALIBRATION -> calibrations.add(event.get().calibration());
        case PROGRESS -> doing = event.get().progress();
        case ENGINE -> engine = event.get().engine();
      }
    }
    String[] words = doing == null ? new String[0] : doing.split(" ");
    if (words.length >= 3 && words[0].equals("calibrate")) {
      calibrations.add(CalibrationBuilder.builder()
          .runtime(call.runtime())
          .backend(Backend.parse(call.backend()))
          .device(words[1])
          .workload(words[2])
          .diagnosis(d.line())
          .build());
    } else {
      String device = words.length >= 2 && words[0].equals("verify") ? words[1] : call.requestedDevice();
      devices.add(DeviceResultBuilder.builder()
          .runtime(call.runtime())
          .backend(Backend.parse(call.backend()))
          .device(device)
          .verified(false)
          .diagnosis(d.line())
          .fix(d.fix())
          .stderrTail(tail)
          .build());
    }
    if (engine == null) {
      // it died before its engine was up: the engine is what failed
      engine = new Engine(call.runtime(), Backend.parse(call.backend()) == Backend.DJL ? "PyTorch (DJL)" : call.backend(), null, null,
          null, null, d.line());
    }
    return new WorkerOutput(WorkerOutput.PROTOCOL, engine, devices, calibrations, List.of(), d.line(), d.fix());
  }

  /**
   * The child's last output lines, without the protocol's own event lines: stderr, then what stdout
   * held instead of a document (HotSpot's crash banner goes there).
   */
  static List<String> tail(String stderr, String stdout) {
    List<String> lines = new ArrayList<>();
    for (String text : new String[] {stderr, stdout}) {
      if (text != null) {
        text.lines().filter(l -> !l.isBlank() && !l.startsWith(WorkerEvents.PREFIX) && !l.strip().equals("#"))
            .forEach(lines::add);
      }
    }
    return lines.subList(Math.max(0, lines.size() - WorkerClient.STDERR_TAIL), lines.size());
  }
}
