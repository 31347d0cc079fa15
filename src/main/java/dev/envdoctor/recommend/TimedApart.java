package dev.envdoctor.recommend;

import dev.envdoctor.calibrate.stats.Decision;
import dev.envdoctor.model.Confidence;
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Recommendation.Projection;
import dev.envdoctor.model.Runtimes;
import java.util.Objects;

/**
 * Container rows that were not made from the verdict's pairs: a report without bursts (older, or a
 * side that ran alone) scales native's row by one run of each side's step medians, or uses the
 * container's own timing. Those rows say so, and where a parity verdict stands beside one outside
 * its band the files say that too rather than disagree in silence. Pure functions of the verdict.
 */
public final class TimedApart {

  public static final String LABEL = "timed apart, not paired";

  private TimedApart() {}

  /** Whether a row is a container's, made from its own timing or its steps over native's, not from pairs. */
  public static boolean timedApart(Projection p) {
    return !Runtimes.isNative(p.runtime()) && p.method() != null && !Projection.PAIRED.equals(p.method())
        && !Projection.FLOP_RATE.equals(p.method());
  }

  /** The row's "how" cell: its method (the FLOP rate where an older report names none), and "timed apart" where it was. */
  public static String how(Projection p) {
    String pooled = p.pooled() != null && p.pooled().runs() != null && p.pooled().runs() > 1
        ? " (pooled over " + p.pooled().runs() + " runs here)" : "";
    return p.method() == null ? Projection.FLOP_RATE : p.method() + (timedApart(p) ? " (" + LABEL + ")" : "") + pooled;
  }

  /**
   * "the verdict says parity, but docker djl cpu's projection is 2.83× native's, outside the
   * 0.95×–1.05× band: ..." for the first container row outside the band of native's row on the same
   * backend and device, when the verdict is parity; null otherwise.
   */
  public static String disagreement(Recommendation rec) {
    if (rec.confidence() != Confidence.PARITY) {
      return null;
    }
    var m = rec.measurement();
    double low = m != null && m.bandLow() != null ? m.bandLow() : Decision.BAND_LOW;
    double high = m != null && m.bandHigh() != null ? m.bandHigh() : Decision.BAND_HIGH;
    for (Projection p : rec.projection()) {
      Projection nat = Runtimes.isNative(p.runtime()) || p.hours() == null ? null : rec.projection().stream()
          .filter(n -> Runtimes.isNative(n.runtime()) && Objects.equals(n.backend(), p.backend())
              && Objects.equals(n.device(), p.device()) && n.hours() != null && n.hours() > 0)
          .findFirst().orElse(null);
      double ratio = nat == null ? 1 : p.hours() / nat.hours();
      if (ratio < low || ratio > high) {
        return "the verdict says parity, but " + p.runtime() + " " + p.backend() + " " + p.device() + "'s projection is "
            + Format.times(ratio) + " native's, outside the " + Format.times(low) + "–" + Format.times(high) + " band: "
            + (timedApart(p) ? "that row was " + LABEL + " (one run of each side's steps), which tells the sides apart"
                + " less well than the verdict's reading" : "that row is " + why(p) + ", not the verdict's pairs")
            + (!Projection.PAIRED.equals(p.method()) ? "; rerun doctor for rows made from the verdict's paired ratio"
                : otherContainer(rec, p) ? "; the verdict compared " + rec.train().runtime() + " with native, and "
                    + p.runtime() + "'s own pairs did not read parity"
                : "; its pair is another backend or device than the verdict's");
      }
    }
    return null;
  }

  /** Whether row p is a container other than the one the verdict chose (podman beside docker's parity). */
  private static boolean otherContainer(Recommendation rec, Projection p) {
    return rec.train() != null && rec.train().runtime() != null && !Runtimes.isNative(rec.train().runtime())
        && !rec.train().runtime().equals(p.runtime());
  }

  private static String why(Projection p) {
    return p.method() == null || Projection.FLOP_RATE.equals(p.method()) ? "from the FLOP rate, the rougher path"
        // paired, yet outside the band: its pairs were another backend or device than the verdict compared
        : Projection.PAIRED.equals(p.method()) ? "from its own paired ratio (its basis names the pair)"
        : "from its own timing";
  }
}
