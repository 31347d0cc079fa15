package dev.envdoctor.python;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "Is this normal?": the sustained range of each peak test per GPU model (resource
 * {@code gpu-ranges.yaml}), each with the recorded runs or published results it was drawn from.
 * A range is what envdoctor's own test reaches on healthy boards of that model, not the datasheet.
 */
public record PeakRanges(List<Range> ranges) {

  static final String RESOURCE = "/dev/envdoctor/gpu-ranges.yaml";

  /** One model's range for one test and dtype, with its sources. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Range(String model, String match, String test, String dtype, double low, double high, String unit,
      List<String> sources) {

    boolean matches(String name, String t, String d) {
      return name != null && test.equals(t) && dtype.equals(d)
          && Pattern.compile(match, Pattern.CASE_INSENSITIVE).matcher(name).find();
    }

    boolean modelMatches(String name) {
      return name != null && Pattern.compile(match, Pattern.CASE_INSENSITIVE).matcher(name).find();
    }

    String text() {
      return String.format(Locale.ROOT, "%.0f-%.0f %s sustained, from %d sources", low, high, unit, sources.size());
    }
  }

  public PeakRanges {
    ranges = ranges == null ? List.of() : List.copyOf(ranges);
  }

  public static PeakRanges load() {
    return GpuPeaks.yaml(RESOURCE, PeakRanges.class);
  }

  public Optional<Range> find(String deviceName, String test, String dtype) {
    return ranges.stream().filter(r -> r.matches(deviceName, test, dtype)).findFirst();
  }

  /**
   * The verdict on one figure: "normal for an NVIDIA H200 (640-700 TFLOP/s sustained, from 4
   * sources)", "below its normal range ...", or that the model has no reference; null with no figure.
   */
  public String verdict(String deviceName, String test, String dtype, Double achieved) {
    if (achieved == null || deviceName == null) {
      return null;
    }
    Optional<Range> r = find(deviceName, test, dtype);
    if (r.isEmpty()) {
      boolean known = ranges.stream().anyMatch(x -> x.modelMatches(deviceName));
      return "no reference range for " + (known ? dtype + " " + test + " on " : "") + withArticle(deviceName);
    }
    Range x = r.get();
    String where = achieved < x.low() ? "below its normal range" : achieved > x.high() ? "above its normal range" : "normal";
    return String.format(Locale.ROOT, "%s for %s (%s)", where, withArticle(x.model()), x.text());
  }

  /**
   * "an NVIDIA H200", "a GeForce RTX 4090": by sound. A first word that starts with a vowel, or an
   * all-capital one spelled out whose first letter's name does (NVIDIA, H100, RTX), takes "an".
   */
  static String withArticle(String name) {
    String first = name.strip().split("\\s+")[0];
    char c = first.isEmpty() ? 'x' : Character.toUpperCase(first.charAt(0));
    boolean spelled = first.equals(first.toUpperCase(Locale.ROOT)) && first.length() > 1;
    boolean an = "AEIOU".indexOf(c) >= 0 || (spelled && "FHLMNRSX".indexOf(c) >= 0);
    return (an ? "an " : "a ") + name;
  }

  public static boolean below(String verdict) {
    return verdict != null && verdict.startsWith("below");
  }
}
