package dev.envdoctor.container;

import dev.envdoctor.doctor.Phase;
import dev.envdoctor.doctor.RunContext;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.python.PythonBackend;
import dev.envdoctor.python.PythonStage;
import dev.envdoctor.verify.WorkerCall;
import dev.envdoctor.verify.WorkerClient;
import dev.envdoctor.worker.WorkerOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --container-python IMAGE}: the Python torch probe (the same script as natively) inside an
 * image that has python3 and torch, as the familiar {@code docker run IMAGE python3 -c "import
 * torch; ..."} check does. The script travels as the {@code -c} argument: no mount, nothing on disk.
 */
final class ContainerPython {

  private ContainerPython() {}

  static Report run(Report report, RunContext ctx, ContainerEngine engine, RuntimeInfo runtime, Map<String, String> env,
      String image) {
    if (!ImageCheck.present(ctx, engine, image, env)) {
      return report.plusDevices(List.of(new DeviceResult(engine.name(), "python", "cpu", null, false, null, null,
          "the image " + image + " is not in " + engine.name(),
          String.join(" ", engine.pull(image)) + " (an image with python3 and torch)", List.of())));
    }
    boolean calibrate = ctx.runs(Phase.CALIBRATE);
    List<String> args = new ArrayList<>(List.of(calibrate ? "verify,calibrate" : "verify",
        "--device", ctx.options().device() == null ? "all" : ctx.options().device()));
    if (calibrate) {
      args.addAll(PythonStage.budgetArgs(ctx.options().full(), ctx.options().workloads()));
    }
    Duration timeout = Duration.ofSeconds(ctx.options().full() ? 600 : calibrate ? 240 : 120);
    ctx.progress("probing Python torch in " + engine.name() + " (" + image + ") ...");
    WorkerOutput out = new ContainerRun(ctx.runner(), engine, env).run(name -> {
      List<String> prefix = new ArrayList<>(engine.runPrefix(name, image, runtime.gpuAccess()));
      prefix.addAll(List.of("python3", "-c", PythonBackend.script()));
      return new WorkerClient(ctx.runner()).run(WorkerCall.of(prefix, args, timeout, engine.name())
          .withBackend("python").withEnv(env));
    });
    Report r = report.plusDevices(out.devices()).plusCalibrations(out.calibrations()).plusPeaks(out.peaks());
    return out.engine() == null ? r : r.plusEngines(List.of(out.engine()));
  }
}
