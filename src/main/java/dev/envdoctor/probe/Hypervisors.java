package dev.envdoctor.probe;

import java.util.Locale;

/** Hypervisor names (systemd-detect-virt's where it has one) from firmware vendor and model strings. */
public final class Hypervisors {

  private Hypervisors() {}

  /** From SMBIOS/DMI vendor and product strings (Linux /sys/class/dmi/id, Windows Win32_ComputerSystem); null if none matches. */
  public static String fromFirmware(String vendorAndModel) {
    String d = vendorAndModel == null ? "" : vendorAndModel.toLowerCase(Locale.ROOT);
    if (d.contains("kvm") || d.contains("openstack")) {
      return "kvm";
    }
    if (d.contains("qemu")) {
      return "qemu";
    }
    if (d.contains("vmware")) {
      return "vmware";
    }
    if (d.contains("innotek") || d.contains("virtualbox")) {
      return "oracle";
    }
    if (d.contains("xen")) {
      return "xen";
    }
    if (d.contains("microsoft corporation") && d.contains("virtual machine")) {
      return "microsoft";
    }
    if (d.contains("amazon ec2")) {
      return "amazon";
    }
    if (d.contains("google compute engine")) {
      return "google";
    }
    if (d.contains("parallels")) {
      return "parallels";
    }
    if (d.contains("bhyve")) {
      return "bhyve";
    }
    if (d.contains("apple virtualization") || d.contains("virtualmac")) {
      return "apple";
    }
    return null;
  }
}
