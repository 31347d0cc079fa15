package dev.envdoctor.sides;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.CalibrationBuilder;
import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.protocol.CrashDiagnoses;
import dev.envdoctor.protocol.Diagnosis;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Engine;
import dev.envdoctor.protocol.SideAnswer;
import dev.envdoctor.protocol.SideCommand;
import dev.envdoctor.protocol.SideJson;
import dev.envdoctor.protocol.WorkerOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * The document the parent writes for a side that did not end: the results it answered before it
 * died, and one diagnosed entry for the command it was carrying out when it died.
 */
final class WorkerFailure {

  private WorkerFailure() {}

  /**
   * @param answered what the side answered before it died
   * @param inFlight the command it had not answered, or null (it died before its greeting or between commands)
   */
  static WorkerOutput diagnose(CommandResult result, SideCall call, WorkerOutput answered, SideCommand inFlight,
      java.util.Map<String, String> env, String libtorchAtPath) {
    Diagnosis d = CrashDiagnoses.diagnose(result, env, libtorchAtPath);
    List<String> tail = tail(result.stderr(), result.stdout());
    List<DeviceResult> devices = new ArrayList<>(answered.devices());
    List<Calibration> calibrations = new ArrayList<>(answered.calibrations());
    String verb = inFlight == null ? "" : inFlight.verb();
    boolean timing = verb.equals(SideCommand.CALIBRATE) || verb.equals(SideCommand.PROJECT) || verb.equals(SideCommand.BURST);
    if (timing && inFlight.args().size() >= 2) {
      String workload = verb.equals(SideCommand.PROJECT) ? inFlight.args().get(1).split("@")[0] : inFlight.args().get(1);
      calibrations.add(CalibrationBuilder.builder()
          .runtime(call.runtime())
          .backend(call.backend())
          .device(inFlight.args().get(0))
          .workload(workload)
          .diagnosis(d.line())
          .build());
    } else {
      String device = verb.equals(SideCommand.VERIFY) && !inFlight.args().isEmpty() ? inFlight.args().get(0) : call.requestedDevice();
      devices.add(DeviceResultBuilder.builder()
          .runtime(call.runtime())
          .backend(call.backend())
          .device(device)
          .verified(false)
          .diagnosis(d.line())
          .fix(d.fix())
          .stderrTail(tail)
          .build());
    }
    Engine engine = answered.engine();
    if (engine == null) {
      // it died before its engine was up: the engine is what failed
      engine = new Engine(call.runtime(), call.backend() == Backend.DJL ? "PyTorch (DJL)" : Backend.text(call.backend()), null, null,
          null, null, d.line());
    }
    return new WorkerOutput(WorkerOutput.PROTOCOL, engine, devices, calibrations, answered.peaks(), d.line(), d.fix(),
        answered.jobs());
  }

  /**
   * The child's last output lines, without the protocol's own event lines: stderr, then what stdout
   * held instead of a document (HotSpot's crash banner goes there).
   */
  static List<String> tail(String stderr, String stdout) {
    List<String> lines = new ArrayList<>();
    for (String text : new String[] {stderr, stdout}) {
      if (text != null) {
        text.lines().filter(l -> !l.isBlank() && !l.strip().equals("#")
                && SideAnswer.parse(l).isEmpty())
            .forEach(lines::add);
      }
    }
    return lines.subList(Math.max(0, lines.size() - SideRunner.STDERR_TAIL), lines.size());
  }
}
