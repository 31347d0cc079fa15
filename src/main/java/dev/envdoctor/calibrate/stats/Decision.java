package dev.envdoctor.calibrate.stats;

/**
 * What a paired interval says about two sides, against a stated parity band: parity when the 90%
 * interval lies inside the band (two one-sided tests at 5% each, the usual test of equivalence), a
 * winner when the 95% interval clears the band, and undecided when neither holds (the budget ran
 * out before the interval narrowed). A pure function, so a recorded set of bursts always gives the
 * same decision.
 *
 * @param kind the decision
 * @param estimate the paired ratio it was made from (A's speed over B's)
 * @param bandLow lower edge of the parity band (a ratio)
 * @param bandHigh upper edge
 */
public record Decision(Kind kind, PairedRatio estimate, double bandLow, double bandHigh) {

  /**
   * Within 10% either way the sides are at parity: not worth giving up a container's
   * reproducibility for, and no finer than what separates two identical worker processes on a
   * shared 2-vCPU VM (2-5%, the A/A runs of bench/interleaved.py, docs/calibration.md). The band
   * is the same either way round: 1.10 and its inverse, so swapping the sides swaps the decision.
   */
  public static final double BAND_HIGH = 1.10;
  public static final double BAND_LOW = 1 / BAND_HIGH;
  /** The confidence of the interval that must lie inside the band for parity. */
  public static final double EQUIVALENCE = 0.90;

  public enum Kind {
    /** the 90% interval lies inside the band */
    PARITY,
    /** the interval lies above the band: A is faster */
    A_FASTER,
    /** the interval lies below the band: B is faster */
    B_FASTER,
    /** the interval straddles a band edge, or there is none (fewer than two pairs) */
    UNDECIDED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public static Decision of(PairedRatio r) {
    return of(r, BAND_LOW, BAND_HIGH);
  }

  public static Decision of(PairedRatio r, double bandLow, double bandHigh) {
    Kind kind;
    if (!r.hasInterval()) {
      kind = Kind.UNDECIDED;
    } else if (inside(r.at(EQUIVALENCE), bandLow, bandHigh)) {
      kind = Kind.PARITY;
    } else if (r.low() > bandHigh) {
      kind = Kind.A_FASTER;
    } else if (r.high() < bandLow) {
      kind = Kind.B_FASTER;
    } else {
      kind = Kind.UNDECIDED;
    }
    return new Decision(kind, r, bandLow, bandHigh);
  }

  /**
   * Whether a ratio alone lies inside the parity band: the reading of a comparison without pairs,
   * where no interval of the pairs can be held inside it.
   */
  public static boolean inBand(double ratio) {
    return ratio >= BAND_LOW && ratio <= BAND_HIGH;
  }

  /** The estimate's 90% interval, the one the parity test holds inside the band. */
  public PairedRatio equivalence() {
    return estimate.at(EQUIVALENCE);
  }

  private static boolean inside(PairedRatio r, double bandLow, double bandHigh) {
    return r.low() >= bandLow && r.high() <= bandHigh;
  }

  public boolean decisive() {
    return kind != Kind.UNDECIDED;
  }

  /** The same decision with the sides swapped. */
  public Decision swapped() {
    Kind k = kind == Kind.A_FASTER ? Kind.B_FASTER : kind == Kind.B_FASTER ? Kind.A_FASTER : kind;
    return new Decision(k, estimate.inverse(), 1 / bandHigh, 1 / bandLow);
  }
}
