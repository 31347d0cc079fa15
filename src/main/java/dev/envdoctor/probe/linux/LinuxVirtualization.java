package dev.envdoctor.probe.linux;

import dev.envdoctor.model.Virtualization;
import dev.envdoctor.probe.Tool;
import dev.envdoctor.probe.VirtualizationDetails;
import java.util.Map;

/**
 * Reads the evidence from /sys, /proc, lscpu and dmesg (no systemd-detect-virt: it misnames some
 * hypervisors, and a plain call names the container, not the VM).
 */
final class LinuxVirtualization implements VirtualizationDetails {

  private final LinuxFiles files;
  private final Map<String, String> env;
  private final Cpuinfo cpuinfo;
  private final Tool tool;

  LinuxVirtualization(LinuxFiles files, Map<String, String> env, Cpuinfo cpuinfo, Tool tool) {
    this.files = files;
    this.env = env;
    this.cpuinfo = cpuinfo;
    this.tool = tool;
  }

  @Override
  public Virtualization read() {
    VirtEvidence e = VirtEvidence.read(files, env, cpuinfo, tool);
    return new Virtualization(e.vm(), e.container(), e.product());
  }
}
