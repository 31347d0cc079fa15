package dev.envdoctor.model;

import java.util.List;

/** {@code calibrations[]}: one timed training run of a workload on one device of one side. */
public record Calibration(
    String runtime,
    String backend,
    String device,
    String workload,
    Integer batch,
    Integer imgsz,
    Integer warmupSteps,
    Integer steps,
    Double medianMs,
    Double p10Ms,
    Double p90Ms,
    Double cv,
    Double samplesPerSecond,
    Double achievedGflops,
    Double flopsPerStep,
    Integer threads,
    Double wallMs,
    List<Double> stepTimesMs,
    String diagnosis) {

  public Calibration {
    stepTimesMs = stepTimesMs == null ? List.of() : List.copyOf(stepTimesMs);
  }
}
