package dev.envdoctor.model;

import java.util.List;

/** {@code host.cpu}; performance/efficiency cores are null where the CPU has no such split or it is unknown. */
public record CpuInfo(
    String model,
    String vendor,
    Integer physicalCores,
    Integer logicalCores,
    Integer performanceCores,
    Integer efficiencyCores,
    Long maxFrequencyHz,
    List<String> features) {

  public CpuInfo {
    features = features == null ? List.of() : List.copyOf(features);
  }
}
