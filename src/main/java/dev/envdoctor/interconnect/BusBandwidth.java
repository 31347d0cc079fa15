package dev.envdoctor.interconnect;

/**
 * nccl-tests' figures of a collective (PERFORMANCE.md there): algorithm bandwidth algbw = S / t for
 * S bytes per rank in t seconds, and for all-reduce the bus bandwidth busbw = algbw × 2(n−1)/n, the
 * rate each link of a ring carries, so it can be held against a link's rate whatever n is.
 */
public final class BusBandwidth {

  private BusBandwidth() {}

  /** GB/s (10^9 bytes), null when the time is unknown or not positive. */
  public static Double algGBps(long bytes, Double seconds) {
    return seconds == null || seconds <= 0 ? null : bytes / seconds / 1e9;
  }

  /** 2(n−1)/n: 0 for one rank (nothing crosses a link), 1 for two, approaching 2. */
  public static double allReduceFactor(int ranks) {
    return ranks <= 0 ? 0.0 : 2.0 * (ranks - 1) / ranks;
  }

  public static Double allReduceBusGBps(Double algGBps, int ranks) {
    return algGBps == null ? null : algGBps * allReduceFactor(ranks);
  }
}
