package dev.envdoctor.recommend;

import dev.envdoctor.model.Recommendation.Projection;
import dev.envdoctor.run.Words;

/** How a row's points were pooled with earlier runs' on this machine, in words (docs/calibration.md, "Pooled over runs"). */
public final class Pooling {

  private Pooling() {}

  /**
   * "pooled over 5 runs here since 2026-12-07 21:05 UTC (each point the runs' median; the larger
   * point moved ×1.37 across them: this machine's speed drifts); this run alone: 73.8 days", or why
   * the earlier runs were left out.
   */
  static String words(CostModel.Pool pool, double hoursThisRun) {
    int earlier = pool.largeMs().size() - 1;
    if (pool.leftOut()) {
      double theirs = CostModel.median(pool.largeMs().subList(0, earlier));
      double mine = pool.largeMs().get(earlier);
      return "this run alone: its larger point is " + Format.times(mine / theirs) + " that of "
          + Words.count(earlier, "earlier run") + " here (since " + since(pool.since())
          + "), past the ×" + Format.number(CostModel.POOL_LIMIT, 1) + " they pool within: has the machine or its setup changed?";
    }
    return "pooled over " + pool.runs() + " runs here since " + since(pool.since()) + " (each point the runs' median; the "
        + "larger point moved " + Format.times(pool.spread()) + " across them: this machine's speed drifts between runs); "
        + "this run alone: " + Format.hours(hoursThisRun);
  }

  /** The short form for a console line: "pooled over 5 runs here (this run alone 73.8 days)", or null. */
  public static String brief(Projection p) {
    Projection.Pooled pooled = p.pooled();
    if (pooled == null || pooled.runs() == null || pooled.hoursThisRun() == null) {
      return null;
    }
    if (pooled.runs() < 2) {
      return "this run alone: earlier runs here lay past ×" + Format.number(CostModel.POOL_LIMIT, 1) + " of it";
    }
    return "pooled over " + pooled.runs() + " runs here; this run alone " + Format.hours(pooled.hoursThisRun(), p.hours());
  }

  /** "2026-12-07 21:05 UTC" from an ISO instant; the text as it is when it is not one. */
  static String since(String at) {
    try {
      return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
          .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.parse(at));
    } catch (RuntimeException e) {
      return at;
    }
  }
}
