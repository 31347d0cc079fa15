package dev.envdoctor.probe.linux;

import dev.envdoctor.probe.Hypervisors;
import dev.envdoctor.probe.Tool;

/**
 * What a Linux guest can see of its hypervisor and container, read once from files, so that the
 * decision is a pure function (and recorded machines can be replayed).
 *
 * @param dmi            /sys/class/dmi/id sys_vendor, product_name, board_vendor, bios_vendor joined
 * @param hypervisorType /sys/hypervisor/type (Xen)
 * @param clocksource    the current clock source: kvm-clock, xen, hyperv_clocksource_tsc_page, tsc
 * @param hypervisorFlag the CPU's "hypervisor" flag
 * @param containerEnv   the "container" variable (podman, systemd-nspawn, lxc set it)
 * @param containerenv   /run/.containerenv (podman, buildah), null when absent
 * @param dockerenv      whether /.dockerenv exists
 * @param cgroup         /proc/1/cgroup
 * @param mountinfo      /proc/self/mountinfo
 * @param lscpu          lscpu's output: its "Hypervisor vendor:" is CPUID leaf 0x40000000, which needs no DMI
 * @param dmesg          the kernel log ("Hypervisor detected: KVM", the ACPI tables' OEM IDs); null
 *                       where dmesg_restrict hides it from a non-root user
 * @param acpiOem        the OEM ID of /sys/firmware/acpi/tables/DSDT (root only): FIRECK, CLOUDH, BOCHS, ...
 * @param qemuFwCfg      whether /sys/firmware/qemu_fw_cfg exists (QEMU's firmware configuration device)
 * @param cmdline        /proc/cmdline: Firecracker without ACPI names its virtio-mmio devices there
 */
public record VirtEvidence(
    String dmi,
    String hypervisorType,
    String clocksource,
    boolean hypervisorFlag,
    String containerEnv,
    String containerenv,
    boolean dockerenv,
    String cgroup,
    String mountinfo,
    String lscpu,
    String dmesg,
    String acpiOem,
    boolean qemuFwCfg,
    String cmdline) {

  static VirtEvidence read(LinuxFiles f, java.util.Map<String, String> env, Cpuinfo cpuinfo, Tool tool) {
    String dmi = String.join("\n", nonNull(f.line("/sys/class/dmi/id/sys_vendor")),
        nonNull(f.line("/sys/class/dmi/id/product_name")), nonNull(f.line("/sys/class/dmi/id/board_vendor")),
        nonNull(f.line("/sys/class/dmi/id/bios_vendor")));
    return new VirtEvidence(dmi.isBlank() ? null : dmi, f.line("/sys/hypervisor/type"),
        f.line("/sys/devices/system/clocksource/clocksource0/current_clocksource"), cpuinfo.hypervisor(),
        env.get("container"), f.exists("/run/.containerenv") ? nonNull(f.read("/run/.containerenv")) : null,
        f.exists("/.dockerenv"), f.read("/proc/1/cgroup"), f.read("/proc/self/mountinfo"),
        tool.stdoutUntranslated(Tool.SHORT, "lscpu").orElse(null), tool.stdout(Tool.SHORT, "dmesg").orElse(null),
        GuestSigns.acpiOem(f.head("/sys/firmware/acpi/tables/DSDT", GuestSigns.ACPI_HEADER)),
        f.exists("/sys/firmware/qemu_fw_cfg"), f.read("/proc/cmdline"));
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  /** systemd-detect-virt's names where it has one: kvm, qemu, vmware, oracle, xen, microsoft, amazon, ... */
  public String vm() {
    String clock = clocksource == null ? "" : clocksource;
    String named = Hypervisors.fromFirmware(dmi);
    String cpuid = cpuidVendor();
    // QEMU's (and its Bochs BIOS's) firmware strings stay when KVM accelerates it; CPUID (as systemd reads it)
    // or the kvm-clock tells
    if ("qemu".equals(named) || "bochs".equals(named)) {
      if (cpuid != null) {
        return cpuid;
      }
      if (clock.startsWith("kvm")) {
        return "kvm";
      }
    }
    if (named != null) {
      return named;
    }
    if (hypervisorType != null && !hypervisorType.isBlank()) {
      return hypervisorType.trim();
    }
    // No DMI (Firecracker, Cloud Hypervisor): CPUID names the hypervisor, as systemd-detect-virt --vm reads it;
    // the paravirtual clock last (the kernel may have switched to tsc, as on this project's machines).
    if (cpuid != null) {
      return cpuid;
    }
    if (clock.startsWith("kvm")) {
      return "kvm";
    }
    if (clock.startsWith("xen")) {
      return "xen";
    }
    if (clock.startsWith("hyperv")) {
      return "microsoft";
    }
    return hypervisorFlag ? "other" : null;
  }

  /** CPUID leaf 0x40000000 as lscpu names it, else the kernel's boot line (lscpu missing); null when neither. */
  private String cpuidVendor() {
    String fromLscpu = Hypervisors.fromCpuVendor(GuestSigns.lscpuVendor(lscpu));
    return fromLscpu != null ? fromLscpu : Hypervisors.fromCpuVendor(GuestSigns.kernelHypervisor(dmesg));
  }

  /**
   * The monitor or cloud: DMI strings first (Amazon EC2, QEMU, VMware, ...), then the ACPI tables'
   * OEM ID (FIRECK is Firecracker, CLOUDH Cloud Hypervisor, BOCHS QEMU), then QEMU's fw_cfg device,
   * then virtio-mmio devices on the kernel command line with no DMI (Firecracker without ACPI).
   * Null on bare metal and where nothing tells.
   */
  public String product() {
    if (vm() == null) {
      return null;
    }
    String fromDmi = Hypervisors.productFromFirmware(dmi);
    if (fromDmi != null) {
      return fromDmi;
    }
    String oem = acpiOem != null ? acpiOem : GuestSigns.kernelDsdtOem(dmesg);
    String fromAcpi = Hypervisors.productFromAcpiOem(oem);
    if (fromAcpi != null) {
      return fromAcpi;
    }
    if (qemuFwCfg) {
      return "QEMU";
    }
    if (dmi == null && cmdline != null && cmdline.contains("virtio_mmio.device=")) {
      return "Firecracker";
    }
    return null;
  }

  /**
   * docker, podman, kubernetes, lxc, ...; null when none. /.dockerenv alone is not enough: a VM
   * whose root file system was made from a Docker image keeps the file (as this project's
   * development machines do), so Docker also needs its mounts or cgroups to be seen.
   */
  public String container() {
    if (containerEnv != null && !containerEnv.isBlank()) {
      return containerEnv.trim();
    }
    if (containerenv != null) {
      return containerenv.contains("buildah") ? "buildah" : "podman";
    }
    String cg = cgroup == null ? "" : cgroup;
    if (cg.contains("kubepods")) {
      return "kubernetes";
    }
    if (cg.contains("libpod")) {
      return "podman";
    }
    if (cg.contains("/lxc/") || cg.contains("lxc.payload")) {
      return "lxc";
    }
    boolean dockerCgroup = cg.contains("/docker/") || cg.contains("docker-") || cg.contains("/containerd/");
    if (dockerCgroup || (dockerenv && (dockerMounts() || overlayRoot()))) {
      return "docker";
    }
    return null;
  }

  /** Docker bind-mounts /etc/hostname and friends from /var/lib/docker/containers/ID/. */
  private boolean dockerMounts() {
    return mountinfo != null && mountinfo.contains("/docker/containers/");
  }

  /** The root file system is an overlay (an image's layers), not a disk. */
  private boolean overlayRoot() {
    if (mountinfo == null) {
      return false;
    }
    for (String line : mountinfo.lines().toList()) {
      String[] f = line.split(" ");
      int dash = line.indexOf(" - ");
      if (f.length > 4 && f[4].equals("/") && dash > 0) {
        String after = line.substring(dash + 3);
        return after.startsWith("overlay");
      }
    }
    return false;
  }
}
