package dev.envdoctor.probe;

import dev.envdoctor.model.CpuInfo;
import dev.envdoctor.model.DiskInfo;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.MemoryInfo;
import dev.envdoctor.model.OsInfo;
import java.util.List;

/**
 * The facts every OS gives cheaply: OSHI on macOS and Windows; /proc, /sys and /etc on Linux,
 * where OSHI costs a third of the probe's CPU time (JNA, udev) and its processor and graphics
 * cards run lshw, dmidecode and lspci without a timeout. The details refine these.
 */
public interface HostBasics {

  OsInfo os(String arch);

  CpuInfo cpu();

  MemoryInfo memory();

  List<DiskInfo> disks();

  List<GpuInfo> gpus();
}
