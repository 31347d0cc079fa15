package dev.envdoctor.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/** {@code calibrations[]}: one timed training run of a workload on one device of one side. */
@RecordBuilder
public record Calibration(
    String runtime,
    Backend backend,
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
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Burst> bursts,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Contention contention,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) CpuAllowance allowance,
    // the projection's points (issue #29): fp32, tf32 or amp, as the trainer would train; absent before
    @JsonInclude(JsonInclude.Include.NON_NULL) String precision) {

  public Calibration {
    stepTimesMs = stepTimesMs == null ? List.of() : List.copyOf(stepTimesMs);
    bursts = bursts == null ? List.of() : List.copyOf(bursts);
  }

  /** A calibration without interleaved bursts (a single run, an older report). */
  public Calibration(String runtime, Backend backend, String device, String workload, Integer batch, Integer imgsz,
      Integer warmupSteps, Integer steps, Double medianMs, Double p10Ms, Double p90Ms, Double cv,
      Double samplesPerSecond, Double achievedGflops, Double flopsPerStep, Integer threads, Double wallMs,
      List<Double> stepTimesMs, String diagnosis) {
    this(runtime, backend, device, workload, batch, imgsz, warmupSteps, steps, medianMs, p10Ms, p90Ms, cv,
        samplesPerSecond, achievedGflops, flopsPerStep, threads, wallMs, stepTimesMs, diagnosis, null, null, null, null);
  }

  /** Whether a cgroup quota throttled this calibration's side while it ran (its allowance or its contention says so). */
  public boolean throttled() {
    return (allowance != null && allowance.nrThrottled() != null && allowance.nrThrottled() > 0)
        || (contention != null && contention.nrThrottled() != null && contention.nrThrottled() > 0);
  }

  /** Whether {@code other} is of this calibration's side: runtime, backend and device. */
  public boolean sameSide(Calibration other) {
    return java.util.Objects.equals(runtime, other.runtime) && java.util.Objects.equals(backend, other.backend)
        && java.util.Objects.equals(device, other.device);
  }

  /** Whether a quota throttled {@code c}'s side (runtime, backend, device) in any of {@code all}. */
  public static boolean sideThrottled(List<Calibration> all, Calibration c) {
    return all.stream().filter(c::sameSide).anyMatch(Calibration::throttled);
  }

  /**
   * Its step time for a ratio: the median, or, where {@code throttled} (a quota throttled this side
   * or the one it is held against), the mean of its steps, as the verdict's pairs read their bursts
   * (Burst.typicalMs): the median hides a quota's stalls (half a CPU read 1.5× by medians where it is
   * 4× slower).
   */
  public Double typicalMs(boolean throttled) {
    if (throttled) {
      double mean = stepTimesMs.stream().filter(d -> d != null && d > 0).mapToDouble(Double::doubleValue)
          .average().orElse(Double.NaN);
      if (!Double.isNaN(mean)) {
        return mean;
      }
    }
    return medianMs;
  }

  /** This calibration with the bursts it was interleaved in, what contended with them, and what the side could use. */
  public Calibration withBursts(List<Burst> b, Contention c, CpuAllowance a) {
    return CalibrationBuilder.builder(this).bursts(b).contention(c).allowance(a).build();
  }
}
