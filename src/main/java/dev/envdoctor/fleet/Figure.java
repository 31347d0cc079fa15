package dev.envdoctor.fleet;

/**
 * A node's calibration figure for one hardware class: the worst device of that model on one side
 * (runtime, backend) for one workload. cv is that calibration's step-time coefficient of variation:
 * the report's own noise, which an outlier must exceed to be flagged.
 */
public record Figure(
    String deviceModel,
    String workload,
    String runtime,
    String backend,
    String device,
    Double samplesPerSecond,
    Double cv) {

  /** The hardware class this figure is compared within. */
  public String classKey() {
    return deviceModel + " · " + workload + " · " + runtime + "/" + backend;
  }
}
