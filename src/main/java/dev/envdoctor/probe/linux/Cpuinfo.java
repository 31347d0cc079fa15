package dev.envdoctor.probe.linux;

import dev.envdoctor.probe.MlFeatures;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What /proc/cpuinfo says that OSHI does not hand out: the ISA flags of the first CPU (x86
 * "flags", arm64 "Features") and the model name.
 */
public record Cpuinfo(String modelName, Set<String> flags) {

  public Cpuinfo {
    flags = Set.copyOf(flags);
  }

  public static Cpuinfo parse(String text) {
    String model = null;
    Set<String> flags = new LinkedHashSet<>();
    boolean flagsSeen = false;
    for (String line : text == null ? List.<String>of() : text.lines().toList()) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (model == null && (key.equals("model name") || key.equals("Model") || key.equals("Hardware"))) {
        model = value.isEmpty() ? null : value;
      } else if (!flagsSeen && (key.equals("flags") || key.equals("Features"))) {
        flags.addAll(List.of(value.split("\\s+")));
        flagsSeen = true;
      }
    }
    flags.remove("");
    return new Cpuinfo(model, flags);
  }

  /** The kernel sets "hypervisor" when CPUID says a hypervisor is present (x86 only). */
  public boolean hypervisor() {
    return flags.contains("hypervisor");
  }

  public List<String> mlFeatures() {
    return MlFeatures.pick(flags);
  }
}
