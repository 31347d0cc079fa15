package dev.envdoctor.probe.linux;

import dev.envdoctor.model.CpuInfo;
import dev.envdoctor.probe.CpuDetails;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The CPU from /proc/cpuinfo and /sys alone (OSHI's is never asked: see {@link Cpuinfo});
 * performance/efficiency cores of an Intel hybrid CPU from the kernel's two PMU folders
 * (/sys/devices/cpu_core and cpu_atom list their logical CPUs).
 */
final class LinuxCpuDetails implements CpuDetails {

  private final LinuxFiles files;
  private final Cpuinfo cpuinfo;

  LinuxCpuDetails(LinuxFiles files, Cpuinfo cpuinfo) {
    this.files = files;
    this.cpuinfo = cpuinfo;
  }

  @Override
  public CpuInfo read(Supplier<CpuInfo> fromOshi) {
    Set<Integer> pCpus = CpuList.parse(files.line("/sys/devices/cpu_core/cpus"));
    Set<Integer> eCpus = CpuList.parse(files.line("/sys/devices/cpu_atom/cpus"));
    boolean hybrid = !pCpus.isEmpty() && !eCpus.isEmpty();
    Integer logical = cpuinfo.logicalCpus() > 0 ? cpuinfo.logicalCpus() : null;
    Integer physical = cpuinfo.physicalCores() > 0 ? cpuinfo.physicalCores() : null;
    return new CpuInfo(cpuinfo.modelName(), cpuinfo.vendor(), physical, logical,
        hybrid ? cores(pCpus) : null, hybrid ? cores(eCpus) : null, maxFrequencyHz(), cpuinfo.mlFeatures());
  }

  /** cpufreq's maximum in kHz; VMs usually have no cpufreq, and then it is unknown. */
  private Long maxFrequencyHz() {
    String khz = files.line("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq");
    try {
      return khz == null ? null : Long.parseLong(khz) * 1000L;
    } catch (NumberFormatException e) {
      return null;
    }
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
