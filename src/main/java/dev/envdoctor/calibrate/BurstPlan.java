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

  /**
   * Seconds of a burst on a side whose cgroup has been throttled (a CPU quota): four of the
   * scheduler's default 100 ms periods. A quota's side sits idle while the others burst, so each
   * short turn began on an unused period's quota: with 0.05 s bursts half a CPU looked 1.7-2.4×
   * slower than two CPUs where a long run is 4× slower (docs/calibration.md).
   */
  public static final double THROTTLED_SECONDS = 0.4;

  /** Fewest steps in a burst, even past its seconds. */
  public static final int MIN_STEPS = 3;

  /**
   * --quick: bursts of 0.05 s, 8 to 40 rounds, at most 2.5 s of them (doctor's time on a 2-CPU VM).
   * Short bursts: a shared VM's speed wanders within a second, and only what is slower than a pair
   * cancels; on the development VM two identical workers' paired interval was about half as wide
   * with 0.03 s bursts as with 0.12 s in the same seconds (docs/calibration.md).
   */
  public static final BurstPlan QUICK = new BurstPlan(0.05, 8, 40, 2.5);
  /** --full: bursts of 0.1 s, 16 to 150 rounds, at most 20 s. */
  public static final BurstPlan FULL = new BurstPlan(0.1, 16, 150, 20.0);
  /** No rounds after the first calibration (the old one-at-a-time gate). */
  public static final BurstPlan NONE = new BurstPlan(0, 0, 0, 0);

  /**
   * A job the user named (ProjectionPlan.burstPoint): its own network's steps, 0.07-0.45 s each on one
   * thread of the 2-core VM, so a burst is its three steps and a round of four sides up to 5 s; 6 to 40
   * rounds in at most 30 s (--full: 12 to 150 in 60 s).
   */
  public static final BurstPlan JOB = new BurstPlan(0.05, 6, 40, 30.0);
  public static final BurstPlan JOB_FULL = new BurstPlan(0.1, 12, 150, 60.0);

  public static BurstPlan of(boolean full) {
    return full ? FULL : QUICK;
  }

  /** As {@link #of(boolean)}, or for a named job's own steps ({@code job}) {@link #JOB}/{@link #JOB_FULL}. */
  public static BurstPlan of(boolean full, boolean job) {
    return job ? (full ? JOB_FULL : JOB) : of(full);
  }

  /** The variable that overrides the plan for benchmarks: "burstSeconds,minRounds,maxRounds,maxSeconds". */
  public static final String ENV = "ENVDOCTOR_BURST_PLAN";

  /** As {@link #of(boolean)}, unless {@link #ENV} names a plan (a malformed one is ignored). */
  public static BurstPlan of(boolean full, java.util.Map<String, String> env) {
    return of(full, false, env);
  }

  /** As {@link #of(boolean, boolean)}, unless {@link #ENV} names a plan (a malformed one is ignored). */
  public static BurstPlan of(boolean full, boolean job, java.util.Map<String, String> env) {
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
    return of(full, job);
  }

  /** The seconds of a side's bursts under this plan: none when there are no rounds. */
  public double sideBurstSeconds() {
    return maxRounds == 0 ? 0 : burstSeconds;
  }
}
