package dev.envdoctor.compare;

/**
 * One thing that differs between BASE and OTHER. FAIL: a check would fail on OTHER where BASE
 * passes (it makes compare exit 1); WARN: worth a look; INFO: different, likely harmless.
 */
public record Difference(Group group, Severity severity, String what, String base, String other, String note) {

  public enum Severity { FAIL, WARN, INFO }

  /** The value of a side one report never tried: no figure, so no arrow from or to it. */
  public static final String NOT_TRIED = "not tried";

  /** "verified → not verified"; "verified on OTHER, never tried on BASE" where one report did not try it. */
  public String change() {
    if (NOT_TRIED.equals(base) && !NOT_TRIED.equals(other)) {
      return other + " on OTHER, never tried on BASE";
    }
    if (NOT_TRIED.equals(other) && !NOT_TRIED.equals(base)) {
      return base + " on BASE, never tried on OTHER";
    }
    return base + " → " + other;
  }

  /** What a difference is about, in the order a reader needs them. */
  public enum Group {
    CHECKS("Checks"),
    ACCELERATORS("Accelerators and verification"),
    VERSIONS("Versions"),
    RESOURCES("Resources"),
    CALIBRATION("Training speed (OTHER's step time ÷ BASE's, 95% interval)");

    private final String title;

    Group(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }
}
