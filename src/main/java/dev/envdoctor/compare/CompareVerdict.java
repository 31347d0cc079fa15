package dev.envdoctor.compare;

import dev.envdoctor.calibrate.stats.Decision;
import dev.envdoctor.compare.CompareDecision.Cause;
import dev.envdoctor.compare.CompareDecision.Kind;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.Contention;
import dev.envdoctor.model.CpuAllowance;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.model.Runtimes;
import dev.envdoctor.recommend.Measured;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one line a reader takes away: how fast OTHER trains against BASE on the same workload and the
 * likeliest cause among the facts (the side's CPUs or memory, the GPU, the CPU, the torch version).
 * {@link #decide} decides ({@link CompareDecision}), {@link CompareWords} says it; a row differs when
 * it lies beyond the parity band of every verdict ({@link Decision}).
 */
public final class CompareVerdict {

  private CompareVerdict() {}

  /** compare's decision on two reports. */
  public static CompareDecision decide(Report base, Report other) {
    return decide(base, other, Comparer.ratios(base, other), Comparer.missing(base, other));
  }

  static CompareDecision decide(Report base, Report other, List<StepTimeRatio> ratios, List<String> missing) {
    if (ratios.isEmpty()) {
      return new CompareDecision(Kind.NO_COMMON_WORKLOAD, null, 0, List.of(), null, missing);
    }
    Optional<StepTimeRatio> headline = ratios.stream().filter(StepTimeRatio::measurable)
        .filter(r -> !Decision.inBand(r.ratio()))
        .max(Comparator.comparingDouble(r -> Math.abs(Math.log(r.ratio()))));
    if (headline.isEmpty()) {
      return new CompareDecision(Kind.NO_MEASURABLE_DIFFERENCE, null, ratios.size(),
          ratios.stream().filter(r -> r.contention() != null).toList(), null, missing);
    }
    StepTimeRatio r = headline.get();
    return new CompareDecision(r.ratio() > 1 ? Kind.OTHER_SLOWER : Kind.OTHER_FASTER, r, ratios.size(), List.of(),
        cause(base, other, r), missing);
  }

  private static Cause cause(Report base, Report other, StepTimeRatio r) {
    boolean slower = r.ratio() > 1;
    if (r.contention() != null) {
      // the machine's load, measured during the calibration, before any fact of the machines
      return new Cause.Contended(r.contention());
    }
    if (!Runtimes.isNative(r.runtime())) {
      RuntimeInfo b = find(base, r.runtime());
      RuntimeInfo o = find(other, r.runtime());
      if (b != null && o != null) {
        boolean vm = vm(other);
        if (o.cpus() != null && b.cpus() != null && !o.cpus().equals(b.cpus()) && (o.cpus() < b.cpus()) == slower) {
          return new Cause.ContainerCpus(o.name(), vm, o.cpus(), b.cpus());
        }
        if (o.memoryBytes() != null && b.memoryBytes() != null && (o.memoryBytes() < b.memoryBytes()) == slower
            && !o.memoryBytes().equals(b.memoryBytes())) {
          return new Cause.ContainerMemory(o.name(), vm, o.memoryBytes(), b.memoryBytes());
        }
      }
    }
    boolean cpu = r.device() == null || r.device().startsWith("cpu");
    if (cpu) {
      CpuAllowance b = allowance(base, r);
      CpuAllowance o = allowance(other, r);
      if (Measured.allowanceChanged(b, o, slower)) {
        return new Cause.Allowance(b, o, contention(other, r), slower);
      }
    }
    if (!cpu) {
      String gb = gpu(base);
      String go = gpu(other);
      if (!Objects.equals(gb, go)) {
        return new Cause.Gpu(go, gb);
      }
    } else if (base.host() != null && other.host() != null && base.host().cpu() != null && other.host().cpu() != null) {
      var cb = base.host().cpu();
      var co = other.host().cpu();
      if (!Objects.equals(cb.model(), co.model()) || !Objects.equals(cb.physicalCores(), co.physicalCores())) {
        return new Cause.Cpu(co.model(), co.physicalCores(), cb.model(), cb.physicalCores());
      }
    }
    String tb = base.python() == null || base.python().torch() == null ? null : base.python().torch().version();
    String to = other.python() == null || other.python().torch() == null ? null : other.python().torch().version();
    if (r.backend() == Backend.PYTHON && !Objects.equals(tb, to)) {
      return new Cause.Torch(to, tb);
    }
    String lb = libtorch(base, r.runtime());
    String lo = libtorch(other, r.runtime());
    if (r.backend() == Backend.DJL && !Objects.equals(lb, lo)) {
      return new Cause.Libtorch(lo, lb);
    }
    return new Cause.Unexplained();
  }

  /**
   * The CPUs {@code r}'s side may use: natively, what the probe saw of envdoctor's own process (its
   * children inherit its cgroup and affinity; the Python side reports no quota of its own); in a
   * container, what the side's calibration says of itself.
   */
  private static CpuAllowance allowance(Report report, StepTimeRatio r) {
    if (Runtimes.isNative(r.runtime()) && report.host() != null && report.host().cpuAllowance() != null) {
      return report.host().cpuAllowance();
    }
    Calibration c = side(report, r);
    return c == null ? null : c.allowance();
  }

  private static Contention contention(Report report, StepTimeRatio r) {
    Calibration c = side(report, r);
    return c == null ? null : c.contention();
  }

  /** The calibration of {@code r}'s side that carries its allowance and contention (the verdict workload's), or null. */
  private static Calibration side(Report report, StepTimeRatio r) {
    return report.calibrations().stream().filter(c -> (c.allowance() != null || c.contention() != null)
        && Objects.equals(c.runtime(), r.runtime()) && Objects.equals(c.backend(), r.backend())
        && Objects.equals(c.device(), r.device())).findFirst().orElse(null);
  }

  /** Whether OTHER's engine runs Linux in a VM (Docker Desktop on a Mac): "its Docker VM", not "its docker engine". */
  private static boolean vm(Report r) {
    String family = r.host() == null || r.host().os() == null ? null : r.host().os().family();
    return family != null && !"linux".equals(family);
  }

  private static String libtorch(Report r, String runtime) {
    return r.engines().stream().filter(e -> Objects.equals(runtime, e.runtime())).map(e -> e.libtorchVersion())
        .findFirst().orElse(null);
  }

  private static RuntimeInfo find(Report r, String name) {
    return r.runtimes().stream().filter(x -> Objects.equals(name, x.name())).findFirst().orElse(null);
  }

  private static String gpu(Report r) {
    return r.host() == null || r.host().gpus().isEmpty() ? null : r.host().gpus().get(0).name();
  }
}
