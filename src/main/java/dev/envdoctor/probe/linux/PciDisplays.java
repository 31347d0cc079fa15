package dev.envdoctor.probe.linux;

import dev.envdoctor.model.GpuInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Display controllers (PCI class 0x03xxxx) from /sys/bus/pci/devices, without spawning anything:
 * OSHI's Linux graphics cards run lspci and lshw without a timeout. sysfs has ids, not marketing
 * names; NVIDIA cards get theirs from nvidia-smi, which replaces these entries.
 */
final class PciDisplays {

  private static final Map<String, String> VENDORS = Map.of("0x10de", "NVIDIA", "0x1002", "AMD", "0x8086", "Intel",
      "0x1a03", "ASPEED", "0x1234", "QEMU", "0x1af4", "Red Hat (virtio)", "0x15ad", "VMware", "0x1414", "Microsoft");

  private PciDisplays() {}

  static List<GpuInfo> read(LinuxFiles f) {
    List<GpuInfo> gpus = new ArrayList<>();
    String base = "/sys/bus/pci/devices/";
    for (String dev : f.list(base)) {
      String cls = f.line(base + dev + "/class");
      if (cls == null || !cls.startsWith("0x03")) {
        continue;
      }
      String vendorId = f.line(base + dev + "/vendor");
      String deviceId = f.line(base + dev + "/device");
      String vendor = VENDORS.getOrDefault(vendorId, vendorId);
      String name = vendor + " display controller [" + hex(vendorId) + ":" + hex(deviceId) + "] at " + dev;
      gpus.add(GpuInfo.basic(name, vendor, null, null, null, null));
    }
    return gpus;
  }

  private static String hex(String id) {
    return id == null ? "?" : id.replaceFirst("^0x", "");
  }
}
