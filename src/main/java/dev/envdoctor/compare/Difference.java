package dev.envdoctor.compare;

/**
 * One thing that differs between BASE and OTHER. FAIL: a check would fail on OTHER where BASE
 * passes (it makes compare exit 1); WARN: worth a look; INFO: different, likely harmless.
 */
public record Difference(Group group, Severity severity, String what, String base, String other, String note) {

  public enum Severity { FAIL, WARN, INFO }

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
