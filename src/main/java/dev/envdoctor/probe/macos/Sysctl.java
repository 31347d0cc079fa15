package dev.envdoctor.probe.macos;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses sysctl's output: "name: value" lines (macOS) or "name = value" (older BSD style). One
 * call asks for every name the probe needs; names the kernel does not know are simply absent.
 */
public record Sysctl(Map<String, String> values) {

  /** Everything the macOS probe reads; "hw.optional" is a node and brings all its leaves. */
  static final String[] NAMES = {"hw.model", "hw.nperflevels", "hw.perflevel0.physicalcpu", "hw.perflevel0.name",
      "hw.perflevel1.physicalcpu", "hw.perflevel1.name", "machdep.cpu.brand_string", "machdep.cpu.features",
      "machdep.cpu.leaf7_features", "hw.optional", "sysctl.proc_translated", "kern.hv_vmm_present"};

  public Sysctl {
    values = Map.copyOf(values);
  }

  public static Sysctl parse(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    if (text != null) {
      for (String line : text.lines().toList()) {
        int colon = line.indexOf(": ");
        int equals = line.indexOf(" = ");
        int at = colon > 0 && (equals < 0 || colon < equals) ? colon : equals;
        if (at > 0) {
          values.putIfAbsent(line.substring(0, at).trim(), line.substring(at + (at == colon ? 2 : 3)).trim());
        }
      }
    }
    return new Sysctl(values);
  }

  public String get(String name) {
    return values.get(name);
  }

  public Integer integer(String name) {
    try {
      String v = values.get(name);
      return v == null ? null : Integer.valueOf(v.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public boolean isOne(String name) {
    Integer v = integer(name);
    return v != null && v == 1;
  }
}
