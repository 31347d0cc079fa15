package dev.envdoctor.race;

import dev.envdoctor.model.RaceOutcome;

/**
 * What the race decided, before any words ({@link RaceVerdict#words}): the container's median wall
 * time over native's, the pairs' interval around it, and the decision against the parity band.
 *
 * @param kind  the decision
 * @param ratio container median / native median
 * @param low   the pairs' 95% interval's low end (a time ratio), null under two pairs
 * @param high  its high end, null under two pairs
 * @param pairs how many timed pairs
 */
public record RaceDecision(Kind kind, double ratio, Double low, Double high, int pairs) {

  public enum Kind {
    NATIVE_FASTER,
    CONTAINER_FASTER,
    /** the pairs' 90% interval lies inside the parity band */
    PARITY,
    /** the interval straddles a band edge, or there is none (one pair) */
    UNDECIDED;

    /** The report's word for it: native-faster, container-faster, parity, undecided. */
    public RaceOutcome outcome() {
      return RaceOutcome.valueOf(name());
    }
  }
}
