package dev.envdoctor.model;

/**
 * {@code stages[]}: how each stage of a run went and how long it took. status: ok|failed|skipped|refused;
 * refused: the machine refused what the stage needed (no space, read-only, no permission), with the
 * one-line reason and fix in error.
 */
public record StageRun(String name, StageStatus status, long millis, String error) {

  public boolean failed() {
    return status == StageStatus.FAILED;
  }

  public boolean refused() {
    return status == StageStatus.REFUSED;
  }
}
