package dev.envdoctor.check.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML value that remembers where it was written, so every later error (an unknown key,
 * a bad unit deep in a check) can still point at its line and column. Jackson's tree model drops
 * locations, hence this small tree of our own.
 */
public sealed interface YamlNode {

  Location location();

  /** What the node is, for "expected a list, found a string" messages. */
  String kind();

  /** A mapping; keys keep their order and their own locations. */
  record MapNode(Location location, Map<String, Entry> entries) implements YamlNode {
    public MapNode {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  /** One key of a mapping with the key's location and its value. */
  record Entry(String key, Location keyLocation, YamlNode value) {}

  record ListNode(Location location, List<YamlNode> items) implements YamlNode {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /**
   * A scalar with its text exactly as written (so {@code 3.10} stays "3.10") and the type YAML
   * gave it; type NULL has text "".
   */
  record Scalar(Location location, String text, Type type) implements YamlNode {
    public enum Type { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    @Override
    public String kind() {
      return switch (type) {
        case STRING -> "a string";
        case INTEGER, FLOAT -> "a number";
        case BOOLEAN -> "a boolean";
        case NULL -> "nothing (null)";
      };
    }
  }
}
