package dev.envdoctor.interconnect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.envdoctor.model.Interconnect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "Is this normal?" for an all-reduce: the bus bandwidth ranges per link type, GPU model and number
 * of ranks (resource {@code busbw-ranges.yaml}), each drawn from public nccl-tests results with their
 * addresses. Pure: a table in, a verdict out.
 */
public record BusBwRanges(List<Range> ranges) {

  static final String RESOURCE = "/dev/envdoctor/busbw-ranges.yaml";

  /** One range: which GPUs (regex on the name), which link (regex on LinkJudge's label), which ranks. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Range(String label, String gpus, String link, int minRanks, int maxRanks, long minBytes, double low,
      double high, String unit, List<String> sources) {

    boolean matches(String gpu, String linkType, int ranks) {
      return gpu != null && linkType != null && ranks >= minRanks && ranks <= maxRanks
          && Pattern.compile(gpus, Pattern.CASE_INSENSITIVE).matcher(gpu).find()
          && Pattern.compile(link).matcher(linkType).find();
    }

    String text() {
      return String.format(Locale.ROOT, "%s-%s %s busbw at %s and up, from %d sources", num(low), num(high), unit,
          LinkJudge.size(minBytes), sources.size());
    }
  }

  public BusBwRanges {
    ranges = ranges == null ? List.of() : List.copyOf(ranges);
  }

  public static BusBwRanges load() {
    try (InputStream in = BusBwRanges.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new ObjectMapper(new YAMLFactory()).readValue(in, BusBwRanges.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<Range> find(String gpu, String linkType, int ranks) {
    return ranges.stream().filter(r -> r.matches(gpu, linkType, ranks)).findFirst();
  }

  /**
   * "normal for 8 H100/H200 SXM GPUs on NVLink NV18 (352-504 GB/s busbw at 1 GiB and up, from 4
   * sources)", "below its normal range for ...", or that there is no reference; null where the entry
   * has no NCCL busbw to judge (gloo, one rank, nothing measured).
   */
  public String verdict(String gpu, Interconnect e) {
    if (e == null || e.busGBps() == null || !"nccl".equals(e.backend()) || e.ranks() == null || e.ranks() < 2) {
      return null;
    }
    String over = "an all-reduce over " + e.ranks() + " ranks on " + (e.linkType() == null ? "an unknown link" : e.linkType())
        + (gpu == null ? "" : " (" + gpu + ")");
    Optional<Range> r = find(gpu, e.linkType(), e.ranks());
    if (r.isEmpty()) {
      return "no reference range for " + over;
    }
    Range x = r.get();
    if (e.bytes() == null || e.bytes() < x.minBytes()) {
      return "no reference range for " + over + " at " + LinkJudge.size(e.bytes()) + " (the range holds "
          + LinkJudge.size(x.minBytes()) + " and up)";
    }
    double v = e.busGBps();
    String where = v < x.low() ? "below its normal range" : v > x.high() ? "above its normal range" : "normal";
    return String.format(Locale.ROOT, "%s for %s (%s)", where, x.label(), x.text());
  }

  public static boolean below(String verdict) {
    return verdict != null && verdict.startsWith("below");
  }

  private static String num(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
