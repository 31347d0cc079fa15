package dev.envdoctor.interconnect;

import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.flow.Stage;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.GpuTopology;
import dev.envdoctor.model.Interconnect;
import dev.envdoctor.model.PythonEnv;
import dev.envdoctor.model.Report;
import dev.envdoctor.probe.nvidia.CudaVisibleDevices;
import dev.envdoctor.probe.nvidia.NvidiaSmiList;
import dev.envdoctor.run.RunOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * With --full, natively, in the Python env the python stage found: the all-reduce sweep over
 * torch.distributed (NCCL, one rank per GPU; gloo with two CPU ranks where there is no GPU or with
 * --device cpu), the P2P copy matrix, and the GPUs' wiring from nvidia-smi; every figure is judged
 * against the links found ({@link LinkJudge}). It runs after every side has calibrated, so nothing
 * else shares the machine while it measures.
 */
public final class InterconnectStage implements Stage {

  /** The script's own deadline for all its ranks; the runner kills it a minute later at most. */
  static final Duration DEADLINE = Duration.ofSeconds(240);

  @Override
  public String name() {
    return "interconnect";
  }

  @Override
  public Phase phase() {
    return Phase.CALIBRATE;
  }

  static boolean wanted(Report soFar, RunContext ctx) {
    RunOptions o = ctx.options();
    PythonEnv py = soFar.python();
    return o.full() && RunOptions.selects(o.backend(), "python") && RunOptions.selects(o.runtime(), "native")
        && py != null && py.executable() != null && py.torch() != null;
  }

  @Override
  public Report run(Report soFar, RunContext ctx) {
    if (!wanted(soFar, ctx)) {
      return soFar;
    }
    List<GpuInfo> gpus = soFar.host() == null ? List.of()
        : soFar.host().gpus().stream().filter(g -> "NVIDIA".equals(g.vendor())).toList();
    InterconnectRun run = new InterconnectRun(ctx.runner());
    GpuTopology topology = gpus.isEmpty() ? null : run.topology();
    String device = ctx.options().device();
    List<String> options = device.equals("cpu") ? List.of("--backend", "gloo") : List.of();
    ctx.progress("interconnect: all-reduce sweep and P2P copies with " + soFar.python().executable());
    List<Interconnect> entries = run.measure(Path.of(soFar.python().executable()), options, DEADLINE);
    CudaVisibleDevices visible = CudaVisibleDevices.of(ctx.env().get("CUDA_VISIBLE_DEVICES"));
    NvidiaSmiList.Listing listing = visible.needsListing() && !gpus.isEmpty() ? run.listing() : null;
    PairLinks links = new PairLinks(topology, gpus, PairLinks.mapping(visible, gpus.size(), listing));
    return soFar.withInterconnect(LinkJudge.judgeWith(entries, links, gpus), topology);
  }
}
