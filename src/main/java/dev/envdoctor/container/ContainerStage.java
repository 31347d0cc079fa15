package dev.envdoctor.container;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.model.RuntimeInfoBuilder;
import dev.envdoctor.model.RuntimeStatus;
import dev.envdoctor.model.Runtimes;
import dev.envdoctor.protocol.SideNames;
import dev.envdoctor.calibrate.Turns;
import dev.envdoctor.container.image.WorkerImage;
import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.Prefetching;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.flow.Stage;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.sides.SideCall;
import dev.envdoctor.sides.SidePlan;
import dev.envdoctor.sides.SideRunner;
import dev.envdoctor.protocol.WorkerOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.concurrent.CompletableFuture;
import dev.envdoctor.run.RunOptions;

/**
 * Verify stage "containers": the same worker as natively, inside a container of each reachable
 * engine that --runtime selects, with GPU flags where the engine offers GPU access; it calibrates
 * in the same child when calibration was asked for. No network, no host folder mounted, and the
 * container removed afterwards whatever happened (also on timeout or Ctrl-C).
 */
public final class ContainerStage implements Stage, Prefetching {

  @Override
  public String name() {
    return "containers";
  }

  @Override
  public Phase phase() {
    return Phase.VERIFY;
  }

  /** The JVM worker's run in each engine, started early; keyed by engine name. */
  private final Map<String, CompletableFuture<EngineRun>> pending = new LinkedHashMap<>();

  /** The worker image's architecture (null: the image is missing, nothing ran) and the worker's output. */
  record EngineRun(String imageArch, WorkerOutput out) {}

  /** --container-python's run in each engine, started early to take turns with the other sides; keyed by engine name. */
  private final Map<String, CompletableFuture<UnaryOperator<Report>>> pendingPython = new LinkedHashMap<>();

  @Override
  public void start(Report soFar, RunContext ctx, Turns gate) {
    String image = WorkerImage.tag(ctx.env());
    String python = ctx.options().containerPython();
    for (RuntimeInfo runtime : selected(soFar, ctx).stream().filter(r -> r.status() == RuntimeStatus.OK).toList()) {
      ContainerEngine engine = Engines.named(runtime.name()).orElseThrow();
      Turns g = ctx.runs(Phase.CALIBRATE) ? gate : null;
      if (python != null && g != null) {
        Map<String, String> env = EngineProbe.engineEnv(ctx.env());
        pendingPython.put(engine.name(), SideRunner.start(g, SideNames.side(engine.name(), "python"),
            () -> ContainerPython.measure(ctx, engine, runtime, env, python, g)));
      }
      if (djlWanted(ctx.options().backend())) {
        pending.put(engine.name(), SideRunner.start(g, SideNames.side(engine.name(), "djl"),
            () -> runWorker(ctx, engine, runtime, image, g)));
      }
    }
  }

  /** The container runtimes --runtime selects that envdoctor knows, whatever their status. */
  private static List<RuntimeInfo> selected(Report soFar, RunContext ctx) {
    List<String> selected = Engines.selected(ctx.options().runtime());
    return soFar.runtimes().stream().filter(r -> selected.contains(r.name()) && !Runtimes.isNative(r.name())
        && Engines.named(r.name()).isPresent()).toList();
  }

  @Override
  public Report run(Report soFar, RunContext ctx) {
    // the early runs end first: nothing else computes while a --container-python probe that was not
    // started early (verify alone) runs below
    pending.values().forEach(f -> f.handle((v, e) -> null).join());
    pendingPython.values().forEach(f -> f.handle((v, e) -> null).join());
    boolean explicit = !"all".equals(ctx.options().runtime());
    String image = WorkerImage.tag(ctx.env());
    Report report = soFar;
    for (RuntimeInfo runtime : selected(soFar, ctx)) {
      ContainerEngine engine = Engines.named(runtime.name()).orElseThrow();
      if (runtime.status() != RuntimeStatus.OK) {
        if (explicit) {
          report = report.plusDevices(List.of(unavailable(runtime.name(), runtime.diagnosis(), runtime.fix())));
        }
        continue;
      }
      report = verifyIn(report, ctx, engine, runtime, image);
    }
    return report;
  }

  /** --backend djl or all (or a list naming djl) runs the JVM worker in the container. */
  static boolean djlWanted(String backend) {
    return RunOptions.selects(backend, "djl");
  }

  private Report verifyIn(Report report, RunContext ctx, ContainerEngine engine, RuntimeInfo runtime, String image) {
    Map<String, String> env = EngineProbe.engineEnv(ctx.env());
    if (ctx.options().containerPython() != null) {
      CompletableFuture<UnaryOperator<Report>> early = pendingPython.get(engine.name());
      report = early != null ? SideRunner.join(early).apply(report)
          : ContainerPython.run(report, ctx, engine, runtime, env, ctx.options().containerPython());
    }
    if (!djlWanted(ctx.options().backend())) {
      return report; // --backend python: the JVM worker's image is not the stack asked about
    }
    CompletableFuture<EngineRun> early = pending.get(engine.name());
    EngineRun done = early != null ? SideRunner.join(early) : runWorker(ctx, engine, runtime, image, null);
    if (done.imageArch() == null) {
      return report.plusDevices(List.of(unavailable(engine.name(),
          "the worker image " + image + " is not in " + engine.name(),
          "envdoctor image build --runtime " + engine.name())));
    }
    if (runtime.arch() != null && !done.imageArch().equals(runtime.arch())) {
      report = withNote(report, engine.name(), "warning: the worker image " + image + " is linux/" + done.imageArch()
          + " but the engine runs " + runtime.arch() + ": emulated (very slow); rebuild it with envdoctor image build --runtime "
          + engine.name());
    }
    WorkerOutput out = done.out();
    Report r = report.plusDevices(out.devices()).plusCalibrations(out.calibrations()).plusPeaks(out.peaks());
    return out.engine() == null ? r : r.plusEngines(List.of(out.engine()));
  }

  /** The JVM worker in a container of {@code engine}, start to end (waiting at the gate when one is given). */
  private static EngineRun runWorker(RunContext ctx, ContainerEngine engine, RuntimeInfo runtime, String image,
      Turns gate) {
    Map<String, String> env = EngineProbe.engineEnv(ctx.env());
    String imageArch = ImageCheck.architecture(ctx, engine, image, env);
    if (imageArch == null) {
      return new EngineRun(null, null);
    }
    ctx.progress("verifying devices in " + engine.name() + " (" + image + ") ...");
    ContainerRun run = new ContainerRun(ctx.runner(), engine, env);
    SidePlan plan = WorkerArgs.plan(ctx, gate);
    WorkerOutput out = run.run(name -> {
      List<String> argv = new ArrayList<>(launchPrefix(engine, name, image, runtime.gpuAccess()));
      argv.addAll(WorkerArgs.of(ctx));
      return new SideRunner(ctx.runner()).run(SideCall.of(argv, WorkerArgs.timeout(ctx), engine.name(), Backend.DJL, plan)
          .withEnv(env).withTurns(gate).withProgress(p -> ctx.progress("  " + engine.name() + ": " + p))).out();
    });
    return new EngineRun(imageArch, out);
  }

  static List<String> launchPrefix(ContainerEngine engine, String name, String image, String gpuAccess) {
    List<String> argv = new ArrayList<>(engine.runPrefix(name, image, gpuAccess));
    argv.addAll(ContainerCommand.worker());
    return argv;
  }

  static DeviceResult unavailable(String runtime, String diagnosis, String fix) {
    return DeviceResultBuilder.builder()
        .runtime(runtime)
        .backend(Backend.DJL)
        .device("cpu")
        .verified(false)
        .diagnosis(diagnosis)
        .fix(fix)
        .stderrTail(List.of())
        .build();
  }

  static Report withNote(Report report, String runtime, String note) {
    List<RuntimeInfo> updated = report.runtimes().stream().map(r -> {
      if (!r.name().equals(runtime)) {
        return r;
      }
      List<String> notes = new ArrayList<>(r.notes());
      notes.add(note);
      return RuntimeInfoBuilder.builder(r).notes(notes).build();
    }).toList();
    return report.withRuntimes(updated);
  }
}
