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
    String diagnosis,
    // left out of the JSON when absent: a report without bursts reads as before
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY) List<Burst> bursts,
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY) Contention contention,
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY) CpuAllowance allowance) {

  public Calibration {
    stepTimesMs = stepTimesMs == null ? List.of() : List.copyOf(stepTimesMs);
    bursts = bursts == null ? List.of() : List.copyOf(bursts);
  }

  /** A calibration without interleaved bursts (a single run, an older report). */
  public Calibration(String runtime, String backend, String device, String workload, Integer batch, Integer imgsz,
      Integer warmupSteps, Integer steps, Double medianMs, Double p10Ms, Double p90Ms, Double cv,
      Double samplesPerSecond, Double achievedGflops, Double flopsPerStep, Integer threads, Double wallMs,
      List<Double> stepTimesMs, String diagnosis) {
    this(runtime, backend, device, workload, batch, imgsz, warmupSteps, steps, medianMs, p10Ms, p90Ms, cv,
        samplesPerSecond, achievedGflops, flopsPerStep, threads, wallMs, stepTimesMs, diagnosis, null, null, null);
  }

  /** This calibration with the bursts it was interleaved in, what contended with them, and what the side could use. */
  public Calibration withBursts(List<Burst> b, Contention c, CpuAllowance a) {
    return new Calibration(runtime, backend, device, workload, batch, imgsz, warmupSteps, steps, medianMs, p10Ms,
        p90Ms, cv, samplesPerSecond, achievedGflops, flopsPerStep, threads, wallMs, stepTimesMs, diagnosis, b, c, a);
  }
}
