package dev.envdoctor.recommend;

import dev.envdoctor.calibrate.stats.Decision;
import dev.envdoctor.calibrate.stats.RatioEstimate;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.Confidence;
import dev.envdoctor.model.Recommendation;
import java.util.List;

/**
 * What {@link Verdict} decided, before any words ({@link VerdictView} says it): where to train,
 * against what, how many times faster, how sure, and why.
 *
 * @param kind      the decision
 * @param train     the side to train on; null for {@link Kind#NONE}
 * @param compared  the side trained on against the other (a is {@code train}'s figure, aOverB its speed
 *                  over the other's, with its 95% interval); null unless both native and a container were measured
 * @param paired    the interleaved pairs' decision against the parity band, native as side A; null without
 *                  pairs (an older report, a side that ran alone), where one run per side decided
 * @param pairsLeftOut rounds left out of the pairs as contended
 * @param stacks    which stack the sides were compared on, and the user's; null unless compared
 * @param causes    why, in the order the reasons read
 */
public record VerdictDecision(Kind kind, Side train, Comparison compared, Decision paired, int pairsLeftOut,
    Stacks stacks, List<Cause> causes) {

  public enum Kind {
    /** nothing usable was measured */
    NONE,
    /** one side only was measured */
    ONE_SIDE,
    /** one side is faster, clear of the noise */
    CLEAR,
    /** the sides are at parity (the paired 90% interval, or one run per side, inside the parity band) */
    PARITY,
    /** one run per side, and its interval spans 1 */
    NO_MEASURABLE_DIFFERENCE,
    /** one run per side, too noisy (or too implausible) to tell the sides apart */
    NOISY,
    /** the paired interval straddles a band edge at the end of the budget */
    UNDECIDED,
    /** the pairs were timed while other processes used the CPUs */
    CONTENDED;

    /** The recommendation's confidence: none, one-side, clear, parity or noisy. */
    public Confidence confidence() {
      return switch (this) {
        case NONE -> Confidence.NONE;
        case ONE_SIDE -> Confidence.ONE_SIDE;
        case CLEAR -> Confidence.CLEAR;
        case PARITY, NO_MEASURABLE_DIFFERENCE -> Confidence.PARITY;
        case NOISY, UNDECIDED, CONTENDED -> Confidence.NOISY;
      };
    }

    /** Whether the sides could not be told apart (the container is preferred meanwhile). */
    public boolean unsure() {
      return this == NOISY || this == UNDECIDED || this == CONTENDED;
    }
  }

  /** The figure trained on: the calibration standing for {@link #train}; null for {@link Kind#NONE}. */
  public Calibration figure() {
    return compared != null ? compared.a() : train == null ? null : train.figure();
  }

  /** How many times faster the side trained on is than the other, with its 95% interval; null unless compared. */
  public RatioEstimate speed() {
    return compared == null ? null : compared.aOverB();
  }

  /** Whether native is the side trained on of a comparison (its figures are side A of {@link #paired}). */
  public boolean nativeTrains() {
    return compared != null && compared.sideA().isNative();
  }

  /** The two compared figures, native's first; empty unless compared. */
  public List<Calibration> nativeFirst() {
    if (compared == null) {
      return List.of();
    }
    return nativeTrains() ? List.of(compared.a(), compared.b()) : List.of(compared.b(), compared.a());
  }

  /** The causes of one type, in order. */
  public <T extends Cause> List<T> causes(Class<T> type) {
    return causes.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
