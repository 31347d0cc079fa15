package dev.envdoctor.model;

/**
 * {@code peaks[]}: a raw throughput test on one device (a large matrix product, a memory copy), as
 * achieved and as a fraction of the device's datasheet peak where the table in the repo knows it.
 * unit: TFLOP/s or GB/s.
 */
public record Peak(
    String runtime,
    String backend,
    String device,
    String test,
    String dtype,
    Double achieved,
    String unit,
    Double datasheetPeak,
    Double fractionOfPeak,
    String diagnosis) {}
