package dev.envdoctor.probe.nvidia;

import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.GpuInfoBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code nvidia-smi --query-gpu=FIELDS --format=csv[,noheader][,nounits]}: one line per GPU.
 * With a header the fields are read from it (units in brackets are dropped); without, the caller
 * names them in the order asked.
 */
public final class NvidiaSmiCsv {

  /**
   * What the probe asks for, in this order. The PCIe link is the one trained now: a card in an x8
   * slot shows x8 here (at idle the generation may step down to save power).
   */
  public static final List<String> FIELDS = List.of("name", "memory.total", "driver_version", "compute_cap",
      "clocks.max.sm", "clocks.max.memory", "power.limit", "temperature.gpu", "ecc.mode.current", "persistence_mode",
      "pcie.link.gen.current", "pcie.link.width.current");

  private NvidiaSmiCsv() {}

  public static List<GpuInfo> parse(List<String> fields, String text) {
    List<GpuInfo> gpus = new ArrayList<>();
    if (text == null) {
      return gpus;
    }
    for (String line : text.lines().toList()) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < fields.size() && i < cells.length; i++) {
        row.put(fields.get(i), cells[i].trim());
      }
      gpus.add(gpu(row));
    }
    return gpus;
  }

  /** A CSV whose first line names the fields, as {@code --format=csv} prints it. */
  public static List<GpuInfo> parseWithHeader(String text) {
    List<String> lines = text == null ? List.of() : text.lines().toList();
    if (lines.isEmpty()) {
      return List.of();
    }
    List<String> fields = new ArrayList<>();
    for (String h : lines.get(0).split(",")) {
      fields.add(h.replaceAll("\\[.*?]", "").trim().toLowerCase(Locale.ROOT));
    }
    return parse(fields, String.join("\n", lines.subList(1, lines.size())));
  }

  private static GpuInfo gpu(Map<String, String> r) {
    return GpuInfoBuilder.builder()
        .name(NvidiaValues.text(r.get("name")))
        .vendor("NVIDIA")
        .memoryBytes(NvidiaValues.mibToBytes(r.get("memory.total")))
        .driverVersion(NvidiaValues.text(r.get("driver_version")))
        .computeCapability(NvidiaValues.text(first(r, "compute_cap", "compute_capability")))
        .smClockMaxMhz(NvidiaValues.whole(r.get("clocks.max.sm")))
        .memClockMaxMhz(NvidiaValues.whole(first(r, "clocks.max.mem", "clocks.max.memory")))
        .powerLimitW(NvidiaValues.number(first(r, "power.limit", "enforced.power.limit")))
        .temperatureC(NvidiaValues.number(r.get("temperature.gpu")))
        .eccEnabled(NvidiaValues.enabled(r.get("ecc.mode.current")))
        .persistenceMode(NvidiaValues.enabled(r.get("persistence_mode")))
        .pcieLink(NvidiaValues.pcieLink(first(r, "pcie.link.gen.current", "pcie.link.gen.max"), first(r, "pcie.link.width.current", "pcie.link.width.max")))
        .build();
  }

  private static String first(Map<String, String> row, String a, String b) {
    return row.containsKey(a) ? row.get(a) : row.get(b);
  }
}
