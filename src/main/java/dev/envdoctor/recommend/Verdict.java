package dev.envdoctor.recommend;

import dev.envdoctor.calibrate.stats.Decision;
import dev.envdoctor.calibrate.stats.RatioEstimate;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.Contention;
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Recommendation.Workload;
import dev.envdoctor.model.Report;
import dev.envdoctor.recommend.VerdictDecision.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Train natively or in a container here: a pure function of the report. For each side the
 * fastest verified option; the fastest side wins unless a container is at parity with native,
 * where the container wins on reproducibility. At parity means inside {@link Decision}'s parity
 * band (1/1.1 to 1.1, the one band of every verdict): with interleaved pairs, their 90% interval
 * lies inside it; without (an older report, a side that ran alone), the one run per side's 95%
 * interval spans 1 or its ratio lies inside the band. {@link #decision} decides,
 * {@link VerdictView} says it.
 */
public final class Verdict {

  /** An interval whose ends differ by more than this factor cannot tell sides apart. */
  static final double NOISY = 2.0;

  /** Step times varying more than this (coefficient of variation) say the machine was busy. */
  static final double MAX_CV = 0.25;

  private Verdict() {}

  /** The decision, in words: the report's recommendation for {@code workload}. */
  public static Recommendation decide(Report report, Workload workload) {
    return VerdictView.recommendation(report, workload, decision(report));
  }

  /** Where to train, against what, how sure and why, as values. */
  public static VerdictDecision decision(Report report) {
    Sides sides = Sides.of(report);
    if (sides.isEmpty()) {
      return new VerdictDecision(Kind.NONE, null, null, null, 0, null, List.of());
    }
    List<Side> ranked = sides.ranked();
    Side nativeSide = sides.side(Sides.NATIVE);
    Side box = sides.bestContainer();
    List<Cause> causes = new ArrayList<>();
    if (nativeSide == null || box == null) {
      Side only = nativeSide != null ? nativeSide : box;
      causes.add(Missing.unmeasured(report, only));
      causes.addAll(Causes.nativeOnly(report));
      causes.addAll(Causes.fasterBackends(ranked));
      return new VerdictDecision(Kind.ONE_SIDE, only, null, null, 0, null, causes);
    }

    Comparison nativeOverBox = Comparison.of(nativeSide, box);
    Calibration n = nativeOverBox.a();
    Calibration b = nativeOverBox.b();
    RatioEstimate r = nativeOverBox.aOverB();
    // interleaved bursts: the paired interval against the parity band decides; without them (an
    // older report, a side that ran alone) the earlier reading of one run per side stands
    Decision paired = Paired.of(n, b).map(Decision::of).orElse(null);
    // pairs made in contended rounds decide nothing: the load, not the side, made them differ
    boolean contendedPairs = paired != null && Paired.contended(n, b);
    boolean parity = paired != null ? paired.kind() == Decision.Kind.PARITY && !contendedPairs
        : r.spansOne() || Decision.inBand(r.ratio());
    boolean unsure = paired != null ? !paired.decisive() || contendedPairs
        : noisy(r) || maxCv(nativeOverBox) > MAX_CV || Causes.implausible(report, nativeOverBox, parity);
    // at parity the container wins: same speed, and it is reproducible
    Comparison chosen = parity || unsure || r.ratio() < 1 ? nativeOverBox.swapped() : nativeOverBox;
    causes.addAll(Causes.of(report, nativeOverBox, parity, unsure));
    causes.addAll(Causes.nativeOnly(report));
    causes.addAll(Causes.fasterBackends(ranked));
    Cause.CpuAllowances allowed = Measured.allowances(n, b, box.runtime());
    if (allowed != null) {
      causes.add(allowed);
    }
    Contention busy = Measured.worst(List.of(n, b));
    if (busy != null && busy.contended()) {
      causes.add(new Cause.Contended(busy));
    }
    Stacks stacks = Stacks.of(nativeSide, box, nativeOverBox);
    if (stacks.note() != null) {
      causes.add(stacks.note());
    }
    Kind kind = unsure ? (paired == null ? Kind.NOISY : contendedPairs ? Kind.CONTENDED : Kind.UNDECIDED)
        : !parity ? Kind.CLEAR
        : paired == null && r.spansOne() ? Kind.NO_MEASURABLE_DIFFERENCE : Kind.PARITY;
    int leftOut = paired == null ? 0 : Paired.leftOut(n, b);
    return new VerdictDecision(kind, chosen.sideA(), chosen, paired, leftOut, stacks, causes);
  }

  /** An interval wider than a factor of two says more about the machine's load than about the sides. */
  static boolean noisy(RatioEstimate r) {
    return r.hasInterval() && r.spansOne() && r.high() / r.low() > NOISY;
  }

  /** The larger of the two figures' step-time coefficients of variation. */
  static double maxCv(Comparison c) {
    return Math.max(c.a().cv() == null ? 0 : c.a().cv(), c.b().cv() == null ? 0 : c.b().cv());
  }
}
