package dev.envdoctor.model;

/**
 * {@code host.gpus[]}. The first six fields are the v1 contract; the NVIDIA fields after them come
 * from nvidia-smi and are null elsewhere.
 */
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
    String pcieLink) {

  /** A GPU with only the v1 contract fields known. */
  public static GpuInfo basic(String name, String vendor, Long memoryBytes, String driverVersion,
      String computeCapability, Integer cores) {
    return new GpuInfo(name, vendor, memoryBytes, driverVersion, computeCapability, cores,
        null, null, null, null, null, null, null, null);
  }
}
