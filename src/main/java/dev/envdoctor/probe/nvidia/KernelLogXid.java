package dev.envdoctor.probe.nvidia;

import dev.envdoctor.model.GpuHealth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * XID errors in the kernel log (dmesg, dmesg --ctime, journalctl -k): lines like
 * {@code NVRM: Xid (PCI:0000:3b:00): 79, pid=..., GPU has fallen off the bus.}, and as drivers before
 * about 2013 wrote them, without "PCI:" ({@code NVRM: Xid (0000:03:00): 13, ...}). Pure: text in, the
 * XIDs by GPU (its PCI address, lower case) out, each code with its count and last message.
 */
public final class KernelLogXid {

  private static final Pattern XID = Pattern.compile("NVRM: Xid \\((?:PCI:)?([0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2})\\): (\\d+),\\s*(.*)$");

  private KernelLogXid() {}

  public static Map<String, List<GpuHealth.Xid>> parse(String log) {
    Map<String, Map<Integer, GpuHealth.Xid>> by = new LinkedHashMap<>();
    for (String line : log == null ? new String[0] : log.split("\\R")) {
      Matcher m = XID.matcher(line);
      if (!m.find()) {
        continue;
      }
      String bus = m.group(1).toLowerCase(Locale.ROOT);
      int code = Integer.parseInt(m.group(2));
      String msg = m.group(3).trim();
      by.computeIfAbsent(bus, k -> new LinkedHashMap<>())
          .merge(code, new GpuHealth.Xid(code, 1, msg), (a, b) -> new GpuHealth.Xid(code, a.count() + 1, msg));
    }
    Map<String, List<GpuHealth.Xid>> out = new LinkedHashMap<>();
    by.forEach((bus, codes) -> out.put(bus, new ArrayList<>(codes.values())));
    return out;
  }

  /**
   * Each GPU's health with its XIDs: an empty list when the log was read and names none for it,
   * null (unknown) when there was no log.
   */
  public static List<GpuHealth> attach(List<GpuHealth> gpus, String log) {
    if (log == null) {
      return gpus;
    }
    Map<String, List<GpuHealth.Xid>> xids = parse(log);
    return gpus.stream().map(g -> g.withXids(xids.getOrDefault(g.pciBusId(), List.of()))).toList();
  }
}
