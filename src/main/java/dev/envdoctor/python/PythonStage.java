package dev.envdoctor.python;

import dev.envdoctor.calibrate.ProjectionPoint;
import dev.envdoctor.calibrate.Turns;
import dev.envdoctor.sides.SidePlan;
import dev.envdoctor.calibrate.StepBudget;
import dev.envdoctor.model.CalibrationBuilder;
import dev.envdoctor.model.PeakBuilder;
import dev.envdoctor.probe.nvidia.CudaVisibleDevices;
import dev.envdoctor.run.RunOptions;
import dev.envdoctor.flow.Background;
import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.Prefetching;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.flow.Stage;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Engine;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.Host;
import dev.envdoctor.model.Peak;
import dev.envdoctor.model.PythonEnv;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.PeakConditions;
import dev.envdoctor.probe.nvidia.NvidiaSmiSamples;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import dev.envdoctor.calibrate.ProjectionPlan;

/**
 * The user's Python training environment, natively: finds the interpreter, runs envdoctor_torch.py
 * in it once (verify, and calibrate and the peak tests when those phases are asked for, in the same
 * process to spare a second torch import), and adds python.*, engines[], devices[], calibrations[]
 * and peaks[] to the report. Whatever the Python does is a diagnosis, never a failure of the stage.
 */
public final class PythonStage implements Stage, Prefetching {

  /** How long one run of the script may take, by what it is asked to do. */
  public record Budget(Duration verify, Duration quick, Duration full) {

    public static Budget standard() {
      return new Budget(Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(480));
    }
  }

  /** The script's settings: the --quick or --full step budget. */
  public static List<String> budgetArgs(boolean full) {
    return StepBudget.of(full).scriptArgs();
  }

  /** The plan of a calibrating Python side: the workloads, and with --full the peak tests. */
  public static SidePlan plan(boolean full, List<String> workloads) {
    return SidePlan.calibrating(workloads).withPeaks(full, false);
  }

  private final Budget budget;

  public PythonStage() {
    this(Budget.standard());
  }

  public PythonStage(Budget budget) {
    this.budget = budget;
  }

  @Override
  public String name() {
    return "python";
  }

  @Override
  public Phase phase() {
    return Phase.VERIFY;
  }

  /** The Python located and its run started early, or null: it runs in run(). */
  private PythonLocator.Located startedWith;
  private CompletableFuture<Sampled> pending;

  /** The script's run and, with the peak tests on an NVIDIA host, the board samples taken meanwhile (else null). */
  record Sampled(PythonBackend.Run run, String clocks) {}

  private static boolean wanted(RunContext ctx) {
    return RunOptions.selects(ctx.options().backend(), "python") && RunOptions.selects(ctx.options().runtime(), "native");
  }

  @Override
  public void start(Report soFar, RunContext ctx, Turns gate) {
    if (!wanted(ctx)) {
      return;
    }
    Optional<PythonLocator.Located> located = new PythonLocator(ctx.env()).locate(ctx.options().python());
    if (located.isEmpty()) {
      return;
    }
    Turns g = ctx.runs(Phase.CALIBRATE) ? gate : null;
    startedWith = located.get();
    boolean nvidia = nvidia(soFar.host()).size() > 0;
    pending = Background.startSide(g, PythonBackend.SIDE, () -> execute(ctx, startedWith, g, nvidia));
  }

  @Override
  public Report run(Report soFar, RunContext ctx) {
    if (!wanted(ctx)) {
      return soFar;
    }
    if (pending != null) {
      Sampled s = Background.join(pending);
      return merge(soFar, startedWith, s.run(), s.clocks(), visible(ctx));
    }
    Optional<PythonLocator.Located> located = new PythonLocator(ctx.env()).locate(ctx.options().python());
    if (located.isEmpty()) {
      return soFar.withPython(PythonDiagnosis.notFound());
    }
    Sampled s = execute(ctx, located.get(), null, nvidia(soFar.host()).size() > 0);
    return merge(soFar, located.get(), s.run(), s.clocks(), visible(ctx));
  }

  /** The script's run: verify, and calibrate (at its turn when turns are given), --full: peaks. */
  private Sampled execute(RunContext ctx, PythonLocator.Located located, Turns turns, boolean nvidia) {
    boolean calibrate = ctx.runs(Phase.CALIBRATE);
    boolean full = calibrate && ctx.options().full();
    // threads: the script takes the CPUs the process may use, as the JVM worker (docs/calibration.md)
    List<String> settings = new ArrayList<>(List.of("--device", ctx.options().device()));
    SidePlan plan = SidePlan.VERIFY;
    if (calibrate) {
      settings.addAll(budgetArgs(full));
      plan = plan(full, ctx.options().workloads()).withPoints(ProjectionPlan.plan(ctx.options().workload(), full),
          ProjectionPlan.gpuPoints(ctx.options().workload()).stream().map(p -> new ProjectionPoint.Planned(p, null)).toList())
          .withBursts(SidePlan.burstSeconds(turns)).withThreadTrial(true).withJob(ctx.options().workload(), true,
              ProjectionPlan.asTrainer(ctx.options().workload()));
    }
    Duration timeout = full ? budget.full() : calibrate ? budget.quick() : budget.verify();
    if (plan.projects()) { // a real network's steps: a busy machine stretches them most
      timeout = timeout.plus(budget.quick());
    }
    if (plan.asTrainer() && timeout.compareTo(budget.full()) < 0) {
      // a job you named, at its trainer's threads (one of two CPUs for Ultralytics): --full's time
      timeout = budget.full().plus(budget.quick());
    }
    ctx.progress("python: " + (full ? "verify, calibrate, peak" : calibrate ? "verify, calibrate" : "verify") + " with " + located.executable());
    Duration limit = timeout;
    SidePlan asked = plan;
    Map.Entry<PythonBackend.Run, String> sampled = ClockSampler.around(ctx.runner(), timeout.plusSeconds(30),
        full && nvidia, () -> new PythonBackend(ctx.runner(), ctx.env()).run(located.executable(), asked, settings, limit, turns, null));
    return new Sampled(sampled.getKey(), sampled.getValue());
  }

  /** The report with this run's findings added. Package-private: tests feed recorded runs. */
  static Report merge(Report soFar, PythonLocator.Located located, PythonBackend.Run run) {
    return merge(soFar, located, run, null, CudaVisibleDevices.of(null));
  }

  private static CudaVisibleDevices visible(RunContext ctx) {
    return CudaVisibleDevices.of(ctx.env().get("CUDA_VISIBLE_DEVICES"));
  }

  /**
   * As above, with the board samples (nvidia-smi's CSV, read in this machine's zone) put beside each
   * peak; torch's cuda:N is nvidia-smi's GPU as CUDA_VISIBLE_DEVICES maps it.
   */
  static Report merge(Report soFar, PythonLocator.Located located, PythonBackend.Run run, String clocks,
      CudaVisibleDevices visible) {
    Host host = soFar.host();
    PythonEnv env = PythonDiagnosis.env(located, run, host);
    Report report = soFar.withPython(env);
    if (!run.parsed()) {
      return report;
    }
    ScriptOutput out = run.output();
    List<DeviceResult> devices = PythonDiagnosis.devices(out, env, host);
    report = report.plusDevices(devices);
    Engine e = out.worker().engine();
    if (e != null) {
      report = report.plusEngines(List.of(new Engine("native", e.name(), e.version(), e.libtorchVersion(),
          e.libraryPath(), e.flavor(), e.diagnosis())));
    }
    report = report.plusCalibrations(out.worker().calibrations().stream().map(PythonStage::native_).toList());
    report = report.plusJobs(out.worker().jobs());
    GpuPeaks table = GpuPeaks.load();
    PeakRanges ranges = PeakRanges.load();
    List<NvidiaSmiSamples.Sample> samples = NvidiaSmiSamples.parse(clocks, ZoneId.systemDefault());
    List<Peak> peaks = new ArrayList<>();
    for (Peak p : out.worker().peaks()) {
      String name = devices.stream().filter(d -> d.device().equals(p.device())).map(DeviceResult::name)
          .findFirst().orElse(null);
      Peak mine = PeakBuilder.builder(p).runtime("native").conditions(null).normal(null).build()
          .withConditions(conditions(samples, p, smiIndex(host, p.device(), visible)));
      peaks.add(PeakRating.rate(mine, table.find(name), hostGpu(host, name, p.device(), visible), name, ranges));
    }
    return report.plusPeaks(GpuLag.flag(peaks, nvidia(host)));
  }

  private static List<GpuInfo> nvidia(Host host) {
    return host == null ? List.of() : host.gpus().stream().filter(g -> "NVIDIA".equals(g.vendor())).toList();
  }

  /** The board's samples over the test's window; none where the device's board cannot be told. */
  private static PeakConditions conditions(List<NvidiaSmiSamples.Sample> samples, Peak p, Optional<Integer> board) {
    if (samples.isEmpty() || p.startMs() == null || p.endMs() == null || board.isEmpty()) {
      return null;
    }
    return NvidiaSmiSamples.over(samples, board.get(), p.startMs(), p.endMs());
  }

  /**
   * nvidia-smi's index of torch's device: cuda:N through CUDA_VISIBLE_DEVICES ("2,3": cuda:0 is GPU
   * 2); empty for a device that is not CUDA or a board that cannot be told (a UUID: the probe keeps
   * none). CUDA_DEVICE_ORDER is not read: FASTEST_FIRST, CUDA's default, is PCI order on a machine of
   * one GPU model, which is nvidia-smi's.
   */
  static Optional<Integer> smiIndex(Host host, String device, CudaVisibleDevices visible) {
    if (device == null || !device.matches("cuda(:\\d+)?")) {
      return Optional.empty();
    }
    int ordinal = device.startsWith("cuda:") ? Integer.parseInt(device.substring(5)) : 0;
    return visible.smiIndex(ordinal, nvidia(host).size(), null);
  }

  private static Calibration native_(Calibration c) {
    return CalibrationBuilder.builder(c).runtime("native").bursts(null).contention(null).allowance(null).build();
  }

  /** The probe's facts of the GPU torch calls this name: the board CUDA_VISIBLE_DEVICES maps it to, if that is the name. */
  static Optional<GpuInfo> hostGpu(Host host, String name, String device, CudaVisibleDevices visible) {
    if (host == null || name == null) {
      return Optional.empty();
    }
    List<GpuInfo> nvidia = nvidia(host);
    return smiIndex(host, device, visible).filter(i -> i < nvidia.size()).map(nvidia::get)
        .filter(g -> name.equals(g.name()));
  }

}
