package dev.envdoctor.calibrate;

import java.util.List;

/**
 * How the sides take turns after their first calibration (docs/calibration.md, "Interleaved
 * bursts"): each child times {@code burstSeconds} of steps per turn, every side once per round in
 * a shuffled order, until the verdict's pairs are decisive (after {@code minRounds}) or the
 * rounds or seconds run out.
 *
 * @param burstSeconds timed seconds per burst (the child's own clock, at least {@link #MIN_STEPS} steps)
 * @param minRounds rounds after the warm-up round before a decision may stop them
 * @param maxRounds most rounds after the warm-up round
 * @param maxSeconds most seconds of rounds after the warm-up round
 */
public record BurstPlan(double burstSeconds, int minRounds, int maxRounds, double maxSeconds) {

  /** Fewest steps in a burst, even past its seconds. */
  public static final int MIN_STEPS = 3;

  /** --quick: bursts of 0.12 s, 3 to 14 rounds, at most 2.5 s of them (doctor's time on a 2-CPU VM). */
  public static final BurstPlan QUICK = new BurstPlan(0.12, 3, 14, 2.5);
  /** --full: bursts of 0.3 s, 6 to 60 rounds, at most 20 s. */
  public static final BurstPlan FULL = new BurstPlan(0.3, 6, 60, 20.0);
  /** No rounds after the first calibration (the old one-at-a-time gate). */
  public static final BurstPlan NONE = new BurstPlan(0, 0, 0, 0);

  public static BurstPlan of(boolean full) {
    return full ? FULL : QUICK;
  }

  /** The variable that overrides the plan for benchmarks: "burstSeconds,minRounds,maxRounds,maxSeconds". */
  public static final String ENV = "ENVDOCTOR_BURST_PLAN";

  /** As {@link #of(boolean)}, unless {@link #ENV} names a plan (a malformed one is ignored). */
  public static BurstPlan of(boolean full, java.util.Map<String, String> env) {
    String v = env.get(ENV);
    if (v != null) {
      String[] f = v.split(",");
      try {
        if (f.length == 4) {
          return new BurstPlan(Double.parseDouble(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
              Double.parseDouble(f[3]));
        }
      } catch (NumberFormatException e) {
        // the shipped plan then
      }
    }
    return of(full);
  }

  /** The option that makes a child stay for bursts after its calibration: {@code --bursts S}. */
  public static final String OPTION = "--bursts";

  /** The child's options for this plan (none when there are no rounds). */
  public List<String> childArgs() {
    return maxRounds == 0 ? List.of() : List.of(OPTION, Double.toString(burstSeconds));
  }
}
