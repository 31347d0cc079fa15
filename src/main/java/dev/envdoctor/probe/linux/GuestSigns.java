package dev.envdoctor.probe.linux;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The hypervisor's marks in tool outputs and firmware tables, parsed without I/O. */
final class GuestSigns {

  private static final Pattern LSCPU_VENDOR = Pattern.compile("(?m)^\\s*Hypervisor vendor:\\s*(\\S.*?)\\s*$");
  private static final Pattern KERNEL_HYPERVISOR = Pattern.compile("(?m)Hypervisor detected:\\s*(\\S.*?)\\s*$");
  // "ACPI: DSDT 0x000000000009FD44 000F53 (v02 FIRECK FCVMDSDT 00000000 FCAT 20240119)"
  private static final Pattern KERNEL_DSDT = Pattern.compile("(?m)ACPI: DSDT 0x\\p{XDigit}+ \\p{XDigit}+ \\(v\\d+ (\\S+)");

  /** An ACPI table header: signature (4), length (4), revision, checksum, then the OEM ID (6 bytes). */
  static final int ACPI_HEADER = 36;

  private GuestSigns() {}

  /** lscpu's "Hypervisor vendor:" (the CPUID leaf 0x40000000 signature, named); null when absent. */
  static String lscpuVendor(String lscpu) {
    return first(LSCPU_VENDOR, lscpu);
  }

  /** The kernel's "Hypervisor detected: KVM" boot line; null when absent (or the log has rotated). */
  static String kernelHypervisor(String dmesg) {
    return first(KERNEL_HYPERVISOR, dmesg);
  }

  /** The DSDT's OEM ID as the kernel logged it at boot; null when absent. */
  static String kernelDsdtOem(String dmesg) {
    return first(KERNEL_DSDT, dmesg);
  }

  /** The OEM ID of an ACPI table header; null when too short. */
  static String acpiOem(byte[] header) {
    if (header == null || header.length < 16) {
      return null;
    }
    String oem = new String(header, 10, 6, StandardCharsets.US_ASCII).replace('\0', ' ').trim();
    return oem.isEmpty() ? null : oem;
  }

  private static String first(Pattern p, String text) {
    if (text == null) {
      return null;
    }
    Matcher m = p.matcher(text);
    return m.find() ? m.group(1) : null;
  }
}
