package dev.envdoctor.fleet.render;

import dev.envdoctor.fleet.Figure;
import dev.envdoctor.fleet.FleetNode;
import dev.envdoctor.fleet.FleetReport;
import dev.envdoctor.fleet.NodeFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import dev.envdoctor.report.Fmt;

/** What every fleet format shows the same way: the columns of a row, numbers, escaping. */
final class FleetText {

  private FleetText() {}

  /** The version columns this fleet has values for, in NodeFacts order, then the container engines. */
  static List<String> versionColumns(FleetReport r) {
    TreeSet<String> engines = new TreeSet<>();
    List<String> cols = new ArrayList<>();
    for (String k : NodeFacts.VERSION_KEYS) {
      if (r.nodes().stream().anyMatch(n -> n.versions().containsKey(k))) {
        cols.add(k);
      }
    }
    r.nodes().forEach(n -> n.versions().keySet().stream().filter(k -> k.startsWith("engine.")).forEach(engines::add));
    cols.addAll(engines);
    return cols;
  }

  static String version(FleetNode n, String key) {
    return n.versions().getOrDefault(key, "—");
  }

  /** "cnn native/djl 1,234.5/s" for each of the node's figures. */
  static String figures(FleetNode n) {
    List<String> out = new ArrayList<>();
    for (Figure f : n.figures()) {
      out.add(f.deviceModel() + " " + f.workload() + " " + f.runtime() + "/" + f.backend() + " " + rate(f.samplesPerSecond()));
    }
    return out.isEmpty() ? "—" : String.join("; ", out);
  }

  static String rate(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%,.1f/s", v);
  }

  static String num(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%,.1f", v);
  }

  static String pct(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
  }

  static String summary(FleetReport r) {
    var s = r.summary();
    StringBuilder b = new StringBuilder(s.nodes() + " node(s): ");
    List<String> parts = new ArrayList<>();
    Map.of("ok", s.ok(), "warn", s.warn(), "fail", s.fail(), "down", s.down(), "drain", s.drain(),
        "unreachable", s.unreachable(), "timeout", s.timeout()).entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(java.util.Comparator.comparingInt(e -> List.of("ok", "warn", "fail", "down", "drain", "unreachable", "timeout").indexOf(e.getKey())))
        .forEach(e -> parts.add(e.getValue() + " " + e.getKey()));
    return b.append(String.join(", ", parts)).toString();
  }

  /** XML/HTML text: "" for null (an attribute stays empty), control characters as spaces. */
  static String xml(String s) {
    return s == null || s.isEmpty() ? "" : Fmt.html(s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", " "));
  }

  static String md(String s) {
    return s == null ? "—" : s.replace("|", "\\|").replace("\n", " ");
  }
}
