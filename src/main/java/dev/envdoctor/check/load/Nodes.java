package dev.envdoctor.check.load;

import dev.envdoctor.check.path.Nearest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Typed access to {@link YamlNode}s that fails with a located, readable message. */
final class Nodes {

  private Nodes() {}

  static YamlNode.MapNode map(YamlNode node, String what) {
    if (node instanceof YamlNode.MapNode m) {
      return m;
    }
    throw wrongType(node, what, "a mapping (key: value lines)");
  }

  /** Rejects keys outside {@code allowed}, naming the nearest valid one. */
  static void onlyKeys(YamlNode.MapNode map, Set<String> allowed, String where) {
    for (YamlNode.Entry e : map.entries().values()) {
      if (!allowed.contains(e.key())) {
        throw new ProfileException(e.keyLocation(), "unknown key '" + e.key() + "' in " + where
            + Nearest.hint(e.key(), allowed) + " (valid keys: " + String.join(", ", allowed) + ")");
      }
    }
  }

  static YamlNode.Entry required(YamlNode.MapNode map, String key, String where) {
    YamlNode.Entry e = map.entries().get(key);
    if (e == null) {
      throw new ProfileException(map.location(), where + " needs '" + key + ":'");
    }
    return e;
  }

  static String text(YamlNode node, String what) {
    if (node instanceof YamlNode.Scalar s && s.type() != YamlNode.Scalar.Type.NULL) {
      return s.text();
    }
    throw wrongType(node, what, "text");
  }

  static long integer(YamlNode node, String what) {
    if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.INTEGER) {
      try {
        long v = Long.parseLong(s.text().replace("_", ""));
        if (v > 0) {
          return v;
        }
      } catch (NumberFormatException e) {
        // falls through to the message below
      }
    }
    throw wrongType(node, what, "a positive whole number");
  }

  static double positive(YamlNode node, String what) {
    if (node instanceof YamlNode.Scalar s && (s.type() == YamlNode.Scalar.Type.INTEGER || s.type() == YamlNode.Scalar.Type.FLOAT)) {
      try {
        double v = Double.parseDouble(s.text().replace("_", ""));
        if (v > 0 && Double.isFinite(v)) {
          return v;
        }
      } catch (NumberFormatException e) {
        // falls through to the message below
      }
    }
    throw wrongType(node, what, "a positive number");
  }

  /** One item or a list of items, as text: {@code os: macos} and {@code os: [macos, linux]}. */
  static List<YamlNode> oneOrMany(YamlNode node) {
    if (node instanceof YamlNode.ListNode l) {
      return l.items();
    }
    return List.of(node);
  }

  static List<String> texts(YamlNode node, String what) {
    List<String> out = new ArrayList<>();
    for (YamlNode item : oneOrMany(node)) {
      out.add(text(item, what));
    }
    return out;
  }

  static ProfileException wrongType(YamlNode node, String what, String expected) {
    String found = node instanceof YamlNode.Scalar s && s.type() != YamlNode.Scalar.Type.NULL
        ? node.kind() + " ('" + s.text() + "')" : node.kind();
    return new ProfileException(node.location(), "wrong type: " + what + " must be " + expected + ", found " + found);
  }
}
