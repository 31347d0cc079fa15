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

  private Hypervisors() {}

  /** From SMBIOS/DMI vendor and product strings (Linux /sys/class/dmi/id, Windows Win32_ComputerSystem); null if none matches. */
  public static String fromFirmware(String vendorAndModel) {
    String d = vendorAndModel == null ? "" : vendorAndModel.toLowerCase(Locale.ROOT);
    for (Sign s : SIGNS) {
      if (s.words().stream().allMatch(d::contains)) {
        return s.name();
      }
    }
    return null;
  }
}
