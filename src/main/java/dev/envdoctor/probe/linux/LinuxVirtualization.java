package dev.envdoctor.probe.linux;

import dev.envdoctor.model.Virtualization;
import dev.envdoctor.probe.VirtualizationDetails;
import java.util.Map;

/** Reads the evidence from /sys and /proc (no systemd-detect-virt: it misnames some hypervisors). */
final class LinuxVirtualization implements VirtualizationDetails {

  private final LinuxFiles files;
  private final Map<String, String> env;
  private final Cpuinfo cpuinfo;

  LinuxVirtualization(LinuxFiles files, Map<String, String> env, Cpuinfo cpuinfo) {
    this.files = files;
    this.env = env;
    this.cpuinfo = cpuinfo;
  }

  @Override
  public Virtualization read() {
    VirtEvidence e = VirtEvidence.read(files, env, cpuinfo);
    return new Virtualization(e.vm(), e.container());
  }
}
