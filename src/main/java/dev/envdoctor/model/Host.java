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
    Virtualization virtualization) {

  public Host {
    disks = disks == null ? List.of() : List.copyOf(disks);
    gpus = gpus == null ? List.of() : List.copyOf(gpus);
  }
}
