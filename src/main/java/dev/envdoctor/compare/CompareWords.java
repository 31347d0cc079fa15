package dev.envdoctor.compare;

import dev.envdoctor.compare.CompareDecision.Cause;
import dev.envdoctor.recommend.Measured;
import dev.envdoctor.report.Fmt;
import dev.envdoctor.run.Words;
import java.util.Locale;

/** compare's decision in words: the verdict line, each row's ratio. Pure. */
final class CompareWords {

  private CompareWords() {}

  static String line(CompareDecision d) {
    String speed = speed(d);
    return d.missing().isEmpty() ? speed : speed + "; OTHER did not train where BASE did: " + String.join(", ", d.missing());
  }

  private static String speed(CompareDecision d) {
    switch (d.kind()) {
      case NO_COMMON_WORKLOAD:
        return "No workload was calibrated on both machines: no training speed to compare";
      case NO_MEASURABLE_DIFFERENCE:
        return "No measurable difference in training speed on the " + Words.count(d.workloads(), "workload")
            + " both machines ran"
            + (d.contended().isEmpty() ? "" : "; " + d.contended().size() + " of them timed while other processes used the CPUs ("
                + d.contended().get(0).contention() + "): rerun on idle machines to compare those");
      default:
        StepTimeRatio r = d.headline();
        String how = r.ratio() > 1 ? times(r.ratio()) + " slower" : times(1 / r.ratio()) + " faster";
        String where = " on the same workload (" + Fmt.side(r.runtime(), r.backend(), r.device()) + ", " + r.workload() + ")";
        return "OTHER trains " + how + where + ": " + cause(d.cause());
    }
  }

  static String cause(Cause cause) {
    if (cause instanceof Cause.Contended c) {
      return "contention during the calibration may explain it (" + c.contention() + ")";
    }
    if (cause instanceof Cause.ContainerCpus c) {
      return box(c.runtime(), c.vm()) + " has " + c.other() + " CPUs (BASE: " + c.base() + ")";
    }
    if (cause instanceof Cause.ContainerMemory c) {
      return box(c.runtime(), c.vm()) + " has " + Fmt.bytes(c.other()) + " of memory (BASE: " + Fmt.bytes(c.base()) + ")";
    }
    if (cause instanceof Cause.Allowance c) {
      return allowance(c);
    }
    if (cause instanceof Cause.Gpu c) {
      return "its GPU is " + Fmt.text(c.other()) + " (BASE: " + Fmt.text(c.base()) + ")";
    }
    if (cause instanceof Cause.Cpu c) {
      return "its CPU is " + cpu(c.otherModel(), c.otherCores()) + " (BASE: " + cpu(c.baseModel(), c.baseCores()) + ")";
    }
    if (cause instanceof Cause.Torch c) {
      return "it runs torch " + Fmt.text(c.other()) + " (BASE: " + Fmt.text(c.base()) + ")";
    }
    if (cause instanceof Cause.Libtorch c) {
      return "it runs libtorch " + Fmt.text(c.other()) + " (BASE: " + Fmt.text(c.base()) + ")";
    }
    return "no difference in the facts explains it; see the rows below";
  }

  /** "it may use half a CPU (cgroup quota, throttled 41 times; BASE: 2 CPUs)", or null when the allowances explain nothing. */
  static String allowance(Cause.Allowance c) {
    return Measured.allowanceChange(c.base(), c.other(), c.otherDuring(), c.slower());
  }

  static String ratioText(StepTimeRatio r) {
    String interval = r.low() == null ? " (too few steps for an interval)"
        : " (" + Fmt.num(r.low()) + "–" + Fmt.num(r.high()) + ")";
    String word = r.contention() != null ? ": not compared, contended" : !r.measurable() ? ": no measurable difference"
        : r.ratio() > 1 ? ": OTHER slower" : ": OTHER faster";
    return times(r.ratio()) + interval + (r.low() == null ? "" : word)
        + (r.contention() == null ? "" : "; contended: " + r.contention());
  }

  /** "its Docker VM" where the engine runs Linux in a VM (Docker Desktop on a Mac), else "its Docker engine". */
  private static String box(String runtime, boolean vm) {
    String name = runtime == null ? "container" : runtime.substring(0, 1).toUpperCase(Locale.ROOT) + runtime.substring(1);
    return "its " + name + (vm ? " VM" : " engine");
  }

  private static String cpu(String model, Integer cores) {
    return Fmt.join(", ", model, cores == null ? null : cores + " cores");
  }

  static String times(double x) {
    return String.format(Locale.ROOT, x >= 10 ? "%.0f×" : "%.1f×", x);
  }
}
