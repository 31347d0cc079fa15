package dev.envdoctor.model;

/**
 * {@code stages[]}: how each stage of a run went and how long it took. status: ok|failed|skipped|refused;
 * refused: the machine refused what the stage needed (no space, read-only, no permission), with the
 * one-line reason and fix in error.
 */
public record StageRun(String name, String status, long millis, String error) {

  public static final String OK = "ok";
  public static final String FAILED = "failed";
  public static final String REFUSED = "refused";

  public boolean failed() {
    return FAILED.equals(status);
  }

  public boolean refused() {
    return REFUSED.equals(status);
  }
}
