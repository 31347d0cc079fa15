package dev.envdoctor.probe.linux;

import java.util.Set;
import java.util.TreeSet;

/** The kernel's cpu list format, as in /sys/devices/cpu_core/cpus: "0-15,20,22-23". */
final class CpuList {

  private CpuList() {}

  static Set<Integer> parse(String text) {
    Set<Integer> cpus = new TreeSet<>();
    if (text == null || text.isBlank()) {
      return cpus;
    }
    for (String part : text.trim().split(",")) {
      String[] range = part.trim().split("-");
      try {
        int from = Integer.parseInt(range[0].trim());
        int to = range.length > 1 ? Integer.parseInt(range[1].trim()) : from;
        for (int c = from; c <= to; c++) {
          cpus.add(c);
        }
      } catch (NumberFormatException e) {
        // a malformed part says nothing; the others still count
      }
    }
    return cpus;
  }
}
