package dev.envdoctor.probe;

import java.util.List;
import java.util.Locale;

/** Hypervisor names (systemd-detect-virt's where it has one) from firmware vendor and model strings. */
public final class Hypervisors {

  /** A name and the words that must all appear in the firmware strings; the first match wins. */
  private record Sign(String name, List<String> words) {}

  private static final List<Sign> SIGNS = List.of(
      new Sign("kvm", List.of("kvm")),
      new Sign("kvm", List.of("openstack")),
      new Sign("qemu", List.of("qemu")),
      new Sign("bochs", List.of("bochs")),
      new Sign("vmware", List.of("vmware")),
      new Sign("oracle", List.of("innotek")),
      new Sign("oracle", List.of("virtualbox")),
      new Sign("xen", List.of("xen")),
      new Sign("microsoft", List.of("microsoft corporation", "virtual machine")),
      new Sign("amazon", List.of("amazon ec2")),
      new Sign("google", List.of("google compute engine")),
      new Sign("parallels", List.of("parallels")),
      new Sign("bhyve", List.of("bhyve")),
      new Sign("apple", List.of("apple virtualization")),
      new Sign("apple", List.of("virtualmac")));

  /**
   * The CPUID leaf 0x40000000 vendor as lscpu names it ("KVM", "Microsoft", "VMware", "Xen",
   * "Innotek GmbH", "Parallels", ...), or the kernel's "Hypervisor detected:" name ("KVM",
   * "Microsoft Hyper-V", "VMware", "Xen HVM", "ACRN", "Jailhouse", ...).
   */
  private static final List<Sign> CPU_VENDORS = List.of(
      new Sign("kvm", List.of("kvm")),
      new Sign("microsoft", List.of("microsoft")),
      new Sign("microsoft", List.of("hyper-v")),
      new Sign("vmware", List.of("vmware")),
      new Sign("xen", List.of("xen")),
      new Sign("acrn", List.of("acrn")),
      new Sign("bhyve", List.of("bhyve")),
      new Sign("qnx", List.of("qnx")),
      new Sign("parallels", List.of("parallels")),
      new Sign("oracle", List.of("innotek")),
      new Sign("oracle", List.of("oracle")),
      new Sign("oracle", List.of("vbox")),
      new Sign("uml", List.of("user-mode")),
      new Sign("powervm", List.of("phyp")),
      new Sign("zvm", List.of("ibm")),
      new Sign("apple", List.of("apple")),
      new Sign("jailhouse", List.of("jailhouse")));

  /** The monitor or cloud that offers the guest, from SMBIOS/DMI strings. */
  private static final List<Sign> PRODUCTS = List.of(
      new Sign("Amazon EC2", List.of("amazon ec2")),
      new Sign("Google Compute Engine", List.of("google compute engine")),
      new Sign("Cloud Hypervisor", List.of("cloud hypervisor")),
      new Sign("QEMU", List.of("qemu")),
      new Sign("VMware", List.of("vmware")),
      new Sign("VirtualBox", List.of("virtualbox")),
      new Sign("VirtualBox", List.of("innotek")),
      new Sign("Hyper-V", List.of("microsoft corporation", "virtual machine")),
      new Sign("Parallels", List.of("parallels")),
      new Sign("bhyve", List.of("bhyve")),
      new Sign("Xen", List.of("xen")),
      new Sign("Apple Virtualization", List.of("apple virtualization")));

  /** The OEM ID of the ACPI tables, which each monitor writes as its own name (exact, padded to 6). */
  private static final java.util.Map<String, String> ACPI_OEMS = java.util.Map.of(
      "FIRECK", "Firecracker",
      "CLOUDH", "Cloud Hypervisor",
      "BOCHS", "QEMU",
      "AMAZON", "Amazon EC2",
      "ACRN", "ACRN",
      "BHYVE", "bhyve",
      "VBOX", "VirtualBox");

  private Hypervisors() {}

  /** From the CPUID hypervisor vendor (lscpu) or the kernel's "Hypervisor detected:" name; null if blank. */
  public static String fromCpuVendor(String vendor) {
    if (vendor == null || vendor.isBlank()) {
      return null;
    }
    String named = match(CPU_VENDORS, vendor);
    return named != null ? named : "other";
  }

  /** From SMBIOS/DMI vendor and product strings; null if none matches. */
  public static String productFromFirmware(String vendorAndModel) {
    return match(PRODUCTS, vendorAndModel);
  }

  /** From the OEM ID of an ACPI table header (trailing blanks ignored); null if unknown. */
  public static String productFromAcpiOem(String oemId) {
    return oemId == null ? null : ACPI_OEMS.get(oemId.trim().toUpperCase(Locale.ROOT));
  }

  private static String match(List<Sign> signs, String text) {
    String d = text == null ? "" : text.toLowerCase(Locale.ROOT);
    for (Sign s : signs) {
      if (s.words().stream().allMatch(d::contains)) {
        return s.name();
      }
    }
    return null;
  }

  /** From SMBIOS/DMI vendor and product strings (Linux /sys/class/dmi/id, Windows Win32_ComputerSystem); null if none matches. */
  public static String fromFirmware(String vendorAndModel) {
    return match(SIGNS, vendorAndModel);
  }
}
