package dev.envdoctor.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The figures of a saved report that must be finite and not negative: times, sizes, rates, counts
 * of samples. A report edited by hand or written by another tool can hold "-5" for a step time;
 * compare would then print "7.99 ms → -5.00 ms -0.6×". Pure: a JSON tree in, the first bad figure out.
 */
final class ReportFigures {

  /**
   * Field names whose values are amounts: by the units the model spells in its names, with the bounds
   * other stages add after the unit (conditions.smMhzMin, powerWMax, hoursLow), and the few amounts whose
   * unit sits in a sibling field (peaks[].achieved beside unit) or that are ratios (pairedRatio).
   */
  private static final Pattern AMOUNT = Pattern.compile(
      ".*(Ms|Bytes|Hz|Mhz|GBps|Gflops|PerSecond|Seconds|seconds|hours|Hours|TFLOPs|Cores|cores|cpus|steps|Steps"
          + "|samples|W)(Min|Max|MaxClock|Low|High)?$"
          + "|achieved|datasheetPeak|fractionOfPeak|pairedRatio");

  private ReportFigures() {}

  /** "calibrations[0].medianMs is -5.0" for the first amount that is negative or not finite; empty where none is. */
  static Optional<String> firstBad(JsonNode node, String path) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> bad = firstBad(node.get(i), path + "[" + i + "]", path);
        if (bad.isPresent()) {
          return bad;
        }
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        Optional<String> bad = firstBad(e.getValue(), child, e.getKey());
        if (bad.isPresent()) {
          return bad;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> firstBad(JsonNode value, String path, String name) {
    if (value.isNumber() && AMOUNT.matcher(name).matches()) {
      double v = value.doubleValue();
      if (!Double.isFinite(v) || v < 0) {
        return Optional.of(path + " is " + value.asText() + ": an amount cannot be negative or infinite");
      }
      return Optional.empty();
    }
    return value.isContainerNode() ? firstBad(value, path) : Optional.empty();
  }
}
