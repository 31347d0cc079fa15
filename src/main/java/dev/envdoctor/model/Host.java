package dev.envdoctor.model;

import java.util.List;

/** {@code host.*}: the machine as the probe saw it. */
public record Host(
    OsInfo os,
    CpuInfo cpu,
    MemoryInfo memory,
    List<DiskInfo> disks,
    List<GpuInfo> gpus,
    PowerInfo power,
    Virtualization virtualization,
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY) CpuAllowance cpuAllowance) {

  public Host {
    disks = disks == null ? List.of() : List.copyOf(disks);
    gpus = gpus == null ? List.of() : List.copyOf(gpus);
  }

  /** A host without {@code cpuAllowance} (not Linux, an older report). */
  public Host(OsInfo os, CpuInfo cpu, MemoryInfo memory, List<DiskInfo> disks, List<GpuInfo> gpus, PowerInfo power,
      Virtualization virtualization) {
    this(os, cpu, memory, disks, gpus, power, virtualization, null);
  }

  /** This host with the CPUs envdoctor's own process may use. */
  public Host withCpuAllowance(CpuAllowance a) {
    return new Host(os, cpu, memory, disks, gpus, power, virtualization, a);
  }
}
