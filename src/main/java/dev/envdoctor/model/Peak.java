package dev.envdoctor.model;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * {@code peaks[]}: a raw throughput test on one device (a large matrix product, a memory copy), as
 * achieved and as a fraction of the device's datasheet peak where the table in the repo knows it.
 * unit: TFLOP/s or GB/s. startMs/endMs (epoch ms, the script's clock) bound the test so that the
 * board's samples of that time are put beside it (conditions); normal says how the result stands
 * against the model's reference range (null where none was judged).
 */
@RecordBuilder
public record Peak(
    String runtime,
    Backend backend,
    String device,
    String test,
    String dtype,
    Double achieved,
    String unit,
    Double datasheetPeak,
    Double fractionOfPeak,
    String diagnosis,
    Long startMs,
    Long endMs,
    PeakConditions conditions,
    String normal) {

  /** A peak with no time window, conditions or range verdict (the DJL side, tests). */
  public Peak(String runtime, Backend backend, String device, String test, String dtype, Double achieved, String unit,
      Double datasheetPeak, Double fractionOfPeak, String diagnosis) {
    this(runtime, backend, device, test, dtype, achieved, unit, datasheetPeak, fractionOfPeak, diagnosis, null, null,
        null, null);
  }

  public Peak withConditions(PeakConditions c) {
    return PeakBuilder.builder(this).conditions(c).build();
  }

  public Peak rated(Double datasheet, Double fraction, String diagnosisText, String normalText) {
    return PeakBuilder.builder(this).datasheetPeak(datasheet).fractionOfPeak(fraction).diagnosis(diagnosisText)
        .normal(normalText).build();
  }
}
