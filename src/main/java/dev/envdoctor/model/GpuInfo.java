package dev.envdoctor.model;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * {@code host.gpus[]}. The first six fields are the v1 contract; the NVIDIA fields after them come
 * from nvidia-smi and are null elsewhere; health from {@code nvidia-smi -q -x} and the kernel log.
 */
@RecordBuilder
public record GpuInfo(
    String name,
    String vendor,
    Long memoryBytes,
    String driverVersion,
    String computeCapability,
    Integer cores,
    String cudaVersion,
    Long smClockMaxMhz,
    Long memClockMaxMhz,
    Double powerLimitW,
    Double temperatureC,
    Boolean eccEnabled,
    Boolean persistenceMode,
    String pcieLink,
    GpuHealth health) {

  /** Without the health facts (every source but nvidia-smi's XML has none). */
  public GpuInfo(String name, String vendor, Long memoryBytes, String driverVersion, String computeCapability,
      Integer cores, String cudaVersion, Long smClockMaxMhz, Long memClockMaxMhz, Double powerLimitW,
      Double temperatureC, Boolean eccEnabled, Boolean persistenceMode, String pcieLink) {
    this(name, vendor, memoryBytes, driverVersion, computeCapability, cores, cudaVersion, smClockMaxMhz,
        memClockMaxMhz, powerLimitW, temperatureC, eccEnabled, persistenceMode, pcieLink, null);
  }

  /** The same GPU with its health facts. */
  public GpuInfo withHealth(GpuHealth h) {
    return GpuInfoBuilder.builder(this).health(h).build();
  }

  /** A GPU with only the v1 contract fields known. */
  public static GpuInfo basic(String name, String vendor, Long memoryBytes, String driverVersion,
      String computeCapability, Integer cores) {
    return GpuInfoBuilder.builder().name(name).vendor(vendor).memoryBytes(memoryBytes).driverVersion(driverVersion)
        .computeCapability(computeCapability).cores(cores).build();
  }
}
