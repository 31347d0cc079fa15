package dev.envdoctor.verify;

import dev.envdoctor.sides.SideCall;
import dev.envdoctor.sides.SidePlan;
import dev.envdoctor.sides.SideRunner;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.model.Runtimes;
import dev.envdoctor.protocol.CrashDiagnoses;
import dev.envdoctor.protocol.SideNames;
import dev.envdoctor.protocol.Diagnosis;
import dev.envdoctor.calibrate.Turns;
import dev.envdoctor.calibrate.SteadyAllocator;
import dev.envdoctor.run.Console;
import dev.envdoctor.run.RunOptions;
import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.Prefetching;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.flow.Stage;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Engine;
import dev.envdoctor.model.Host;
import dev.envdoctor.probe.nvidia.CudaVisibleDevices;
import dev.envdoctor.model.Report;
import dev.envdoctor.protocol.WorkerOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import dev.envdoctor.calibrate.ProjectionPlan;

/**
 * The native JVM side: one worker child that verifies the devices and, when calibration is also
 * asked for (and --backend is djl or all), calibrates the verified ones in the same child, sparing
 * a second engine start. Adds engines[], devices[] and calibrations[] with runtime "native".
 */
public final class NativeDjlStage implements Stage, Prefetching {

  public static final String RUNTIME = Runtimes.NATIVE;

  @Override
  public String name() {
    return "native-djl";
  }

  @Override
  public Phase phase() {
    return Phase.VERIFY;
  }

  /** The worker started early (doctor, calibrate, verify), or null: it runs in run(). */
  private CompletableFuture<WorkerOutput> pending;

  private static boolean wanted(RunContext ctx) {
    return RunOptions.selects(ctx.options().runtime(), RUNTIME) && RunOptions.selects(ctx.options().backend(), "djl");
  }

  @Override
  public void start(Report soFar, RunContext ctx, Turns gate) {
    if (!wanted(ctx)) {
      return;
    }
    Turns g = ctx.runs(Phase.CALIBRATE) ? gate : null;
    pending = SideRunner.start(g, SideNames.side(RUNTIME, "djl"),
        () -> work(ctx, g, p -> ctx.progress("  native: " + p)));
  }

  @Override
  public Report run(Report soFar, RunContext ctx) {
    if (!wanted(ctx)) {
      return soFar;
    }
    WorkerOutput out;
    if (pending != null) {
      out = SideRunner.join(pending);
    } else {
      try (ProgressBar bar = progressBar(ctx)) {
        out = work(ctx, null, progress(bar));
      }
    }
    List<DeviceResult> devices = withHostFacts(out.devices(), soFar, ctx.options().device());
    if (out.diagnosis() == null) {
      // only a worker that finished has tried every device it saw; a dead one may never have reached its GPU
      devices = withCudaFacts(devices, soFar, out.engine(), ctx.options().device());
    }
    devices = GpuNames.of(devices, soFar.host(), CudaVisibleDevices.of(ctx.env().get("CUDA_VISIBLE_DEVICES")));
    Report r = soFar.plusDevices(devices).plusCalibrations(out.calibrations())
        .plusJobs(out.jobs());
    return out.engine() == null ? r : r.plusEngines(List.of(withHostFacts(out.engine(), soFar.host())));
  }

  /** The native worker child, start to end (calibrating at its turn when turns are given). */
  private static WorkerOutput work(RunContext ctx, Turns turns, Consumer<String> progress) {
    boolean calibrate = ctx.runs(Phase.CALIBRATE);
    WorkerBudget budget = WorkerBudget.of(ctx.options(), calibrate);
    SelfLauncher launcher = SelfLauncher.current();
    WorkerArchive cds = launcher.archive();
    if (cds != null) {
      launcher = launcher.withFlags(cds.jvmFlags());
    }
    List<String> argv = new ArrayList<>(launcher.prefix());
    argv.addAll(budget.settings(ctx.options().device()));
    SidePlan plan = budget.plan(ctx.options().workloads(), turns);
    // the projection's own calibration, after the verdict's (ProjectionPlan); for doctor's example job
    // --quick leaves it to the Python backend when that runs too (it is the figure), keeping doctor's
    // time: DJL's row is then Python's model scaled by the cnn steps (Projections)
    if (calibrate && (ProjectionPlan.everyBackend(ctx.options().workload(), ctx.options().full())
        || !RunOptions.selects(ctx.options().backend(), "python"))) {
      var points = ProjectionPlan.plan(ctx.options().workload(), ctx.options().full());
      plan = plan.withPoints(points, points).withJob(ctx.options().workload(), false,
          ProjectionPlan.asTrainer(ctx.options().workload()));
    }
    // a real network's steps: a busy machine stretches them most
    java.time.Duration timeout = plan.projects() ? budget.timeout().plus(budget.timeout()) : budget.timeout();
    SideCall call = SideCall.of(argv, timeout, RUNTIME, Backend.DJL, plan).withEnv(SteadyAllocator.env(ctx.env()))
        .withTurns(turns).withProgress(progress);
    WorkerOutput out = new SideRunner(ctx.runner(), ctx.env()).run(call).out();
    if (cds != null) {
      cds.settle(out.diagnosis() == null);
    }
    return out;
  }

  /**
   * On Apple Silicon, what the probe knows explains a failed or missing mps entry better than the
   * child's error (a Rosetta JVM never even tries MPS).
   */
  static List<DeviceResult> withHostFacts(List<DeviceResult> devices, Report report, String deviceOption) {
    Optional<Diagnosis> why = HostDiagnoses.mps(report.host(), report.jvm(), CrashDiagnoses.JNI_LIBTORCH);
    boolean mpsWanted = deviceOption == null || deviceOption.equals("all") || deviceOption.equals("mps");
    if (why.isEmpty() || !mpsWanted) {
      return devices;
    }
    List<DeviceResult> out = new ArrayList<>();
    boolean seen = false;
    for (DeviceResult d : devices) {
      if ("mps".equals(d.device()) && !Boolean.TRUE.equals(d.verified())) {
        out.add(DeviceResultBuilder.builder(d)
            .verified(false)
            .diagnosis(why.get().line())
            .fix(why.get().fix())
            .build());
      } else {
        out.add(d);
      }
      seen |= "mps".equals(d.device());
    }
    if (!seen) {
      out.add(DeviceResultBuilder.builder()
          .runtime(RUNTIME)
          .backend(Backend.DJL)
          .device("mps")
          .verified(false)
          .diagnosis(why.get().line())
          .fix(why.get().fix())
          .stderrTail(List.of())
          .build());
    }
    return out;
  }

  /**
   * The probe saw NVIDIA GPUs but the worker tried none (DJL counted 0): say so on a cuda:0 entry,
   * with the engine's flavour, rather than let the GPU silently vanish from the native side.
   */
  static List<DeviceResult> withCudaFacts(List<DeviceResult> devices, Report report, Engine engine, String deviceOption) {
    boolean cudaWanted = deviceOption == null || deviceOption.equals("all") || deviceOption.startsWith("cuda");
    List<String> nvidia = report.host() == null ? List.of() : report.host().gpus().stream()
        .filter(g -> g.vendor() != null && g.vendor().toLowerCase(java.util.Locale.ROOT).contains("nvidia"))
        .map(g -> g.name() == null ? "an NVIDIA GPU" : g.name())
        .toList();
    boolean tried = devices.stream().anyMatch(d -> d.device() != null && d.device().startsWith("cuda"));
    if (!cudaWanted || nvidia.isEmpty() || tried || engine == null || engine.libtorchVersion() == null) {
      return devices;
    }
    String flavor = engine.flavor() == null ? "unknown" : engine.flavor();
    List<DeviceResult> out = new ArrayList<>(devices);
    out.add(DeviceResultBuilder.builder()
        .runtime(RUNTIME)
        .backend(Backend.DJL)
        .device("cuda:0")
        .name(nvidia.get(0))
        .verified(false)
        .diagnosis("the probe found " + String.join(", ", nvidia) + " but DJL's libtorch " + engine.libtorchVersion() + " (flavor " + flavor + ") sees no CUDA GPU" + (engine.diagnosis() == null ? "" : " (" + engine.diagnosis() + ")"))
        .fix("give DJL a CUDA libtorch " + engine.libtorchVersion() + ": the ai.djl.pytorch:pytorch-native-cu* jar for this" + " platform, or PYTORCH_LIBRARY_PATH to a matching CUDA libtorch with PYTORCH_VERSION and PYTORCH_FLAVOR")
        .stderrTail(List.of())
        .build());
    return out;
  }

  /**
   * DJL logs "CUDA driver version is insufficient" wherever it finds a CUDA runtime library but no
   * driver, GPU or not; on a host the probe saw without an NVIDIA GPU that is no finding.
   */
  static Engine withHostFacts(Engine e, Host host) {
    boolean cudaNote = e.diagnosis() != null && e.diagnosis().contains("CUDA driver version is insufficient");
    boolean noNvidia = host != null && host.gpus().stream()
        .noneMatch(g -> g.vendor() != null && g.vendor().toLowerCase(java.util.Locale.ROOT).contains("nvidia"));
    if (!cudaNote || !noNvidia) {
      return e;
    }
    return new Engine(e.runtime(), e.name(), e.version(), e.libtorchVersion(), e.libraryPath(), e.flavor(),
        e.diagnosis().contains("; DJL's CUDA check") ? e.diagnosis().substring(0, e.diagnosis().indexOf("; DJL's CUDA check"))
            : e.diagnosis().startsWith("DJL's CUDA check") ? null : e.diagnosis());
  }

  /** A bar on a terminal only; never with --json (stdout is for the machine then). */
  private static ProgressBar progressBar(RunContext ctx) {
    if (ctx.json() || !Console.stdoutIsTerminal()) {
      return null;
    }
    return new ProgressBarBuilder().setTaskName("native JVM").setInitialMax(-1).setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250).clearDisplayOnFinish().build();
  }

  private static Consumer<String> progress(ProgressBar bar) {
    return bar == null ? null : text -> {
      bar.step();
      bar.setExtraMessage(text);
    };
  }
}
