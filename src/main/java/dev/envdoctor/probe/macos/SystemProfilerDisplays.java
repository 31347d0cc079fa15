package dev.envdoctor.probe.macos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.ReportJson;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code system_profiler SPDisplaysDataType -json}: one entry per GPU. Apple Silicon gives
 * its GPU core count ("sppci_cores") and no VRAM of its own (memory is unified); Intel Macs give
 * "spdisplays_vram" or "_spdisplays_vram" ("1536 MB", "4 GB").
 */
public final class SystemProfilerDisplays {

  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(MB|GB|TB)");

  private SystemProfilerDisplays() {}

  public static List<GpuInfo> parse(String json) {
    List<GpuInfo> gpus = new ArrayList<>();
    JsonNode items;
    try {
      items = json == null || json.isBlank() ? null : ReportJson.mapper().readTree(json).path("SPDisplaysDataType");
    } catch (Exception e) {
      return gpus;
    }
    if (items == null || !items.isArray()) {
      return gpus;
    }
    for (JsonNode g : items) {
      String name = text(g, "sppci_model");
      if (name == null) {
        name = text(g, "_name");
      }
      if (name == null) {
        continue;
      }
      String vram = text(g, "spdisplays_vram");
      if (vram == null) {
        vram = text(g, "_spdisplays_vram");
      }
      if (vram == null) {
        vram = text(g, "spdisplays_vram_shared");
      }
      gpus.add(GpuInfo.basic(name, vendor(text(g, "spdisplays_vendor"), name), bytes(vram), null, null,
          integer(text(g, "sppci_cores"))));
    }
    return gpus;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
  }

  /** "sppci_vendor_Apple" or "Intel" or "AMD (0x1002)" to Apple, Intel, AMD. */
  static String vendor(String raw, String name) {
    String v = raw == null ? name : raw;
    v = v.replaceFirst("^sppci_vendor_", "").replaceAll("\\s*\\(0x[0-9a-fA-F]+\\)", "").trim();
    if (raw == null) {
      v = v.split("\\s+")[0];
    }
    return v.isEmpty() ? null : v;
  }

  private static Long bytes(String size) {
    if (size == null) {
      return null;
    }
    Matcher m = SIZE.matcher(size);
    if (!m.find()) {
      return null;
    }
    double n = Double.parseDouble(m.group(1));
    long unit = switch (m.group(2)) {
      case "MB" -> 1L << 20;
      case "GB" -> 1L << 30;
      default -> 1L << 40;
    };
    return Math.round(n * unit);
  }

  private static Integer integer(String s) {
    try {
      return s == null ? null : Integer.valueOf(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
