package dev.envdoctor.probe.linux;

import dev.envdoctor.probe.MlFeatures;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * /proc/cpuinfo: model, vendor, how many logical CPUs and physical cores, and the ISA flags of the
 * first CPU (x86 "flags", arm64 "Features"). Read here rather than through OSHI, whose Linux
 * processor runs lshw and dmidecode (seconds, and no timeout) to learn the same.
 */
public record Cpuinfo(String modelName, String vendor, int logicalCpus, int physicalCores, Set<String> flags) {

  /** arm64 has no vendor string, only the implementer code. */
  private static final Map<String, String> IMPLEMENTERS = Map.of("0x41", "ARM", "0x61", "Apple", "0x48", "HiSilicon",
      "0x4e", "NVIDIA", "0x51", "Qualcomm", "0xc0", "Ampere");

  public Cpuinfo {
    flags = Set.copyOf(flags);
  }

  public static Cpuinfo parse(String text) {
    String model = null;
    String vendor = null;
    Set<String> flags = new LinkedHashSet<>();
    boolean flagsSeen = false;
    int logical = 0;
    Set<String> cores = new HashSet<>();
    String physicalId = "0";
    for (String line : text == null ? List.<String>of() : text.lines().toList()) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      switch (key) {
        case "processor" -> logical++;
        case "physical id" -> physicalId = value;
        case "core id" -> cores.add(physicalId + ":" + value);
        case "model name", "Model" -> model = model == null && !value.isEmpty() ? value : model;
        case "vendor_id" -> vendor = vendor == null ? value : vendor;
        case "CPU implementer" -> vendor = vendor == null ? IMPLEMENTERS.getOrDefault(value, value) : vendor;
        case "flags", "Features" -> {
          if (!flagsSeen) {
            flags.addAll(List.of(value.split("\\s+")));
            flagsSeen = true;
          }
        }
        default -> { }
      }
    }
    flags.remove("");
    // without core ids (arm64, some VMs) every logical CPU is a core
    return new Cpuinfo(model, vendor, logical, cores.isEmpty() ? logical : cores.size(), flags);
  }

  /** The kernel sets "hypervisor" when CPUID says a hypervisor is present (x86 only). */
  public boolean hypervisor() {
    return flags.contains("hypervisor");
  }

  public List<String> mlFeatures() {
    return MlFeatures.pick(flags);
  }
}
