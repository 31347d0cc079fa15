package dev.envdoctor.fleet.slurm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code scontrol show node} in its one-line form ({@code -o}: one line per node of
 * Key=Value pairs, values may hold spaces as OS= and Reason= do) and its default multi-line form and {@code scontrol show hostnames LIST} (one name a line). Pure.
 */
public final class ScontrolNodes {

  /** A key starts after a space and is letters and digits followed by '='. */
  private static final Pattern KEY = Pattern.compile("(?:^|\\s)([A-Za-z][A-Za-z0-9_]*)=");

  private ScontrolNodes() {}

  /**
   * Each node's fields, in order; the key is NodeName's value. Reads the one-line form (-o) and the
   * default one, where a node's fields continue on indented lines: a line's values run to its end
   * (Reason= and OS= hold spaces), so each line is read on its own and added to its node.
   */
  public static Map<String, Map<String, String>> parse(String text) {
    Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
    Map<String, String> node = null;
    for (String line : text == null ? new String[0] : text.split("\\R")) {
      if (line.isBlank()) {
        node = null;
        continue;
      }
      Map<String, String> fields = fields(line);
      if (fields.containsKey("NodeName")) {
        node = fields;
        nodes.put(fields.get("NodeName"), fields);
      } else if (node != null && Character.isWhitespace(line.charAt(0))) {
        node.putAll(fields);
      }
    }
    return nodes;
  }

  static Map<String, String> fields(String line) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = KEY.matcher(line);
    List<int[]> keys = new ArrayList<>();
    while (m.find()) {
      keys.add(new int[] {m.start(1), m.end(1), m.end()});
    }
    for (int i = 0; i < keys.size(); i++) {
      int[] k = keys.get(i);
      int end = i + 1 < keys.size() ? keys.get(i + 1)[0] : line.length();
      out.put(line.substring(k[0], k[1]), line.substring(k[2], end).trim());
    }
    return out;
  }

  /** The reason without the "[user@time]" Slurm appends. */
  public static String reason(Map<String, String> node) {
    String r = node.get("Reason");
    return r == null ? null : r.replaceFirst("\\s*\\[[^\\]]*@[^\\]]*\\]\\s*$", "");
  }

  public static List<String> hostnames(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text == null ? new String[0] : text.split("\\R")) {
      if (!line.isBlank()) {
        out.add(line.trim());
      }
    }
    return out;
  }
}
