package dev.envdoctor.compare;

import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.report.Fmt;
import dev.envdoctor.run.Words;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import dev.envdoctor.model.Calibration;
import java.util.Objects;
import java.util.Optional;
import dev.envdoctor.model.Contention;
import dev.envdoctor.model.CpuAllowance;
import dev.envdoctor.recommend.Measured;

/**
 * The one line a reader takes away: how fast OTHER trains against BASE on the same workload and the
 * likeliest cause among the facts (the side's CPUs or memory, the GPU, the CPU, the torch version).
 */
final class CompareVerdict {

  private CompareVerdict() {}

  static String line(Report base, Report other, List<StepTimeRatio> ratios, List<String> missing) {
    String speed = speed(base, other, ratios);
    return missing.isEmpty() ? speed : speed + "; OTHER did not train where BASE did: " + String.join(", ", missing);
  }

  private static String speed(Report base, Report other, List<StepTimeRatio> ratios) {
    if (ratios.isEmpty()) {
      return "No workload was calibrated on both machines: no training speed to compare";
    }
    Optional<StepTimeRatio> headline = ratios.stream().filter(StepTimeRatio::measurable)
        .filter(r -> Math.abs(Math.log(r.ratio())) > Math.log(1.1))
        .max(Comparator.comparingDouble(r -> Math.abs(Math.log(r.ratio()))));
    if (headline.isEmpty()) {
      long busy = ratios.stream().filter(r -> r.contention() != null).count();
      return "No measurable difference in training speed on the " + Words.count(ratios.size(), "workload")
          + " both machines ran"
          + (busy == 0 ? "" : "; " + busy + " of them timed while other processes used the CPUs ("
              + ratios.stream().filter(r -> r.contention() != null).findFirst().orElseThrow().contention()
              + "): rerun on idle machines to compare those");
    }
    StepTimeRatio r = headline.get();
    String how = r.ratio() > 1 ? times(r.ratio()) + " slower" : times(1 / r.ratio()) + " faster";
    String where = " on the same workload (" + Fmt.side(r.runtime(), r.backend(), r.device()) + ", " + r.workload() + ")";
    String cause = cause(base, other, r);
    return "OTHER trains " + how + where + (cause == null ? "" : ": " + cause);
  }

  static String ratioText(StepTimeRatio r) {
    String interval = r.low() == null ? " (too few steps for an interval)"
        : " (" + Fmt.num(r.low()) + "–" + Fmt.num(r.high()) + ")";
    String word = r.contention() != null ? ": not compared, contended" : !r.measurable() ? ": no measurable difference"
        : r.ratio() > 1 ? ": OTHER slower" : ": OTHER faster";
    return times(r.ratio()) + interval + (r.low() == null ? "" : word)
        + (r.contention() == null ? "" : "; contended: " + r.contention());
  }

  private static String cause(Report base, Report other, StepTimeRatio r) {
    boolean slower = r.ratio() > 1;
    if (r.contention() != null) {
      // the machine's load, measured during the calibration, before any fact of the machines
      return "contention during the calibration may explain it (" + r.contention() + ")";
    }
    if (!"native".equals(r.runtime())) {
      RuntimeInfo b = find(base, r.runtime());
      RuntimeInfo o = find(other, r.runtime());
      if (b != null && o != null) {
        String box = box(other, o);
        if (o.cpus() != null && b.cpus() != null && !o.cpus().equals(b.cpus()) && (o.cpus() < b.cpus()) == slower) {
          return box + " has " + o.cpus() + " CPUs (BASE: " + b.cpus() + ")";
        }
        if (o.memoryBytes() != null && b.memoryBytes() != null && (o.memoryBytes() < b.memoryBytes()) == slower
            && !o.memoryBytes().equals(b.memoryBytes())) {
          return box + " has " + Fmt.bytes(o.memoryBytes()) + " of memory (BASE: " + Fmt.bytes(b.memoryBytes()) + ")";
        }
      }
    }
    boolean cpu = r.device() == null || r.device().startsWith("cpu");
    if (cpu) {
      String change = Measured.allowanceChange(allowance(base, r), allowance(other, r),
          contention(other, r), slower);
      if (change != null) {
        return change;
      }
    }
    if (!cpu) {
      String gb = gpu(base);
      String go = gpu(other);
      if (!Objects.equals(gb, go)) {
        return "its GPU is " + Fmt.text(go) + " (BASE: " + Fmt.text(gb) + ")";
      }
    } else if (base.host() != null && other.host() != null && base.host().cpu() != null && other.host().cpu() != null) {
      var cb = base.host().cpu();
      var co = other.host().cpu();
      if (!Objects.equals(cb.model(), co.model()) || !Objects.equals(cb.physicalCores(), co.physicalCores())) {
        return "its CPU is " + Fmt.join(", ", co.model(), co.physicalCores() == null ? null : co.physicalCores() + " cores")
            + " (BASE: " + Fmt.join(", ", cb.model(), cb.physicalCores() == null ? null : cb.physicalCores() + " cores") + ")";
      }
    }
    String tb = base.python() == null || base.python().torch() == null ? null : base.python().torch().version();
    String to = other.python() == null || other.python().torch() == null ? null : other.python().torch().version();
    if ("python".equals(r.backend()) && !Objects.equals(tb, to)) {
      return "it runs torch " + Fmt.text(to) + " (BASE: " + Fmt.text(tb) + ")";
    }
    String lb = libtorch(base, r.runtime());
    String lo = libtorch(other, r.runtime());
    if ("djl".equals(r.backend()) && !Objects.equals(lb, lo)) {
      return "it runs libtorch " + Fmt.text(lo) + " (BASE: " + Fmt.text(lb) + ")";
    }
    return "no difference in the facts explains it; see the rows below";
  }

  /**
   * The CPUs {@code r}'s side may use: natively, what the probe saw of envdoctor's own process (its
   * children inherit its cgroup and affinity; the Python side reports no quota of its own); in a
   * container, what the side's calibration says of itself.
   */
  private static CpuAllowance allowance(Report report, StepTimeRatio r) {
    if ("native".equals(r.runtime()) && report.host() != null && report.host().cpuAllowance() != null) {
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

  /** "its Docker VM" where the engine runs Linux in a VM (Docker Desktop on a Mac), else "its docker engine". */
  private static String box(Report r, RuntimeInfo rt) {
    String name = rt.name() == null ? "container" : rt.name().substring(0, 1).toUpperCase(Locale.ROOT) + rt.name().substring(1);
    String family = r.host() == null || r.host().os() == null ? null : r.host().os().family();
    boolean vm = family != null && !"linux".equals(family);
    return "its " + name + (vm ? " VM" : " engine");
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

  static String times(double x) {
    return String.format(Locale.ROOT, x >= 10 ? "%.0f×" : "%.1f×", x);
  }
}
