package dev.envdoctor.probe.linux;

import dev.envdoctor.model.CpuInfo;
import dev.envdoctor.probe.CpuDetails;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * ISA features from /proc/cpuinfo; performance/efficiency cores of an Intel hybrid CPU from the
 * kernel's two PMU folders (/sys/devices/cpu_core and cpu_atom list their logical CPUs).
 */
final class LinuxCpuDetails implements CpuDetails {

  private final LinuxFiles files;
  private final Cpuinfo cpuinfo;

  LinuxCpuDetails(LinuxFiles files, Cpuinfo cpuinfo) {
    this.files = files;
    this.cpuinfo = cpuinfo;
  }

  @Override
  public CpuInfo read(Supplier<CpuInfo> basics) {
    CpuInfo c = basics.get();
    Set<Integer> pCpus = CpuList.parse(files.line("/sys/devices/cpu_core/cpus"));
    Set<Integer> eCpus = CpuList.parse(files.line("/sys/devices/cpu_atom/cpus"));
    boolean hybrid = !pCpus.isEmpty() && !eCpus.isEmpty();
    return new CpuInfo(c.model(), c.vendor(), c.physicalCores(), c.logicalCores(),
        hybrid ? cores(pCpus) : null, hybrid ? cores(eCpus) : null, c.maxFrequencyHz(), cpuinfo.mlFeatures());
  }

  /** Physical cores among logical CPUs: a P-core with SMT shows up twice, with the same core id. */
  private int cores(Set<Integer> cpus) {
    Set<String> cores = new HashSet<>();
    for (int cpu : cpus) {
      String topo = "/sys/devices/system/cpu/cpu" + cpu + "/topology/";
      String core = files.line(topo + "core_id");
      cores.add(files.line(topo + "physical_package_id") + ":" + (core == null ? "cpu" + cpu : core));
    }
    return cores.size();
  }
}
