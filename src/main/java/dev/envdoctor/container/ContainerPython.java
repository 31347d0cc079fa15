package dev.envdoctor.container;

import dev.envdoctor.calibrate.ProjectionPlan;
import dev.envdoctor.calibrate.Turns;
import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.python.PythonBackend;
import dev.envdoctor.python.PythonStage;
import dev.envdoctor.sides.SideCall;
import dev.envdoctor.sides.SidePlan;
import dev.envdoctor.sides.SideRunner;
import dev.envdoctor.protocol.WorkerOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code --container-python IMAGE}: the Python torch probe (the same script as natively) inside an
 * image that has python3 and torch, as the familiar {@code docker run IMAGE python3 -c "import
 * torch; ..."} check does. The script travels as the {@code -c} argument: no mount, nothing on disk.
 */
final class ContainerPython {

  private ContainerPython() {}

  /** A device the script could not even start on, because the image's Python lacks itself: one line saying what. */
  static DeviceResult lacking(DeviceResult d, String image) {
    if (Boolean.TRUE.equals(d.verified())) {
      return d;
    }
    String lacks = ImagePython.lacks(String.join("\n", d.stderrTail()), -1);
    if (lacks == null) {
      return d;
    }
    int fix = lacks.indexOf("; fix: ");
    return DeviceResultBuilder.builder(d)
        .verified(false)
        .diagnosis("the image " + image + " " + lacks.substring(0, fix))
        .fix(lacks.substring(fix + 7))
        .build();
  }

  static Report run(Report report, RunContext ctx, ContainerEngine engine, RuntimeInfo runtime, Map<String, String> env,
      String image) {
    return measure(ctx, engine, runtime, env, image, null).apply(report);
  }

  /**
   * The side's run, start to end, and what it adds to a report: with {@code turns} (a calibrating run) it
   * takes turns with the other sides, so its bursts pair with native Python's (ContainerStage starts it
   * early, as the JVM worker in the container); without, it runs alone.
   */
  static UnaryOperator<Report> measure(RunContext ctx, ContainerEngine engine, RuntimeInfo runtime, Map<String, String> env,
      String image, Turns turns) {
    if (!ImageCheck.present(ctx, engine, image, env)) {
      DeviceResult missing = DeviceResultBuilder.builder()
          .runtime(engine.name())
          .backend(Backend.PYTHON)
          .device("cpu")
          .verified(false)
          .diagnosis("the image " + image + " is not in " + engine.name())
          .fix(String.join(" ", engine.pull(image)) + " (an image with python3 and torch)")
          .stderrTail(List.of())
          .build();
      return report -> report.plusDevices(List.of(missing));
    }
    // what the image's binaries really run as: its metadata can say amd64 of an arm64 root file system
    String emulation = TrueArch.emulation(image, TrueArch.probe(ctx.runner(), engine, image, env), runtime.arch())
        .orElse(null);
    boolean calibrate = ctx.runs(Phase.CALIBRATE);
    List<String> settings = new ArrayList<>(List.of("--device", ctx.options().device() == null ? "all" : ctx.options().device()));
    if (calibrate) {
      settings.addAll(PythonStage.budgetArgs(ctx.options().full()));
    }
    // no peaks in a container: the peak tests are the native Python's (--full)
    // its input pipeline beside the calibration (issue #29): the image's own Python decodes with what it has
    SidePlan plan = calibrate ? PythonStage.plan(false, ctx.options().workloads()).withBursts(SidePlan.burstSeconds(turns))
        .withJob(ctx.options().workload(), true, ProjectionPlan.asTrainer(ctx.options().workload()))
        : SidePlan.VERIFY;
    Duration timeout = Duration.ofSeconds(ctx.options().full() ? 600 : calibrate ? 240 : 120);
    ctx.progress("probing Python torch in " + engine.name() + " (" + image + ") ...");
    WorkerOutput out = new ContainerRun(ctx.runner(), engine, env).run(name -> {
      List<String> prefix = new ArrayList<>(engine.runPrefix(name, image, runtime.gpuAccess()));
      prefix.addAll(List.of("python3", "-c", PythonBackend.script()));
      prefix.addAll(settings);
      return new SideRunner(ctx.runner()).run(SideCall.of(prefix, timeout, engine.name(), Backend.PYTHON, plan).withEnv(env)
          .withTurns(turns)).out();
    });
    List<DeviceResult> found = out.devices().stream().map(d -> lacking(d, image)).toList();
    // the calibration is of an emulated CPU, not of the host's: its name says so wherever it is shown
    List<DeviceResult> devices = emulation == null ? found : found.stream().map(d -> DeviceResultBuilder.builder(d)
        .name((d.name() == null ? d.device() : d.name()) + " (emulated)")
        .build()).toList();
    return report -> {
      Report noted = emulation == null ? report : ContainerStage.withNote(report, engine.name(), "warning: " + emulation);
      Report r = noted.plusDevices(devices).plusCalibrations(out.calibrations()).plusPeaks(out.peaks()).plusJobs(out.jobs());
      return out.engine() == null ? r : r.plusEngines(List.of(out.engine()));
    };
  }
}
