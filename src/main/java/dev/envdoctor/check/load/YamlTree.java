package dev.envdoctor.check.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses YAML text into a {@link YamlNode} tree with locations. Pure: text in, tree out. */
public final class YamlTree {

  private static final YAMLFactory FACTORY = new YAMLFactory();
  /** Profiles are shallow; a deeper document is a mistake, not something to recurse into. */
  private static final int MAX_DEPTH = 64;

  private YamlTree() {}

  public static YamlNode parse(String file, String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new ProfileException(Location.start(file), "the profile is empty; it needs at least 'checks:' or 'include:'");
      }
      YamlNode root = read(p, file, 0);
      if (p.nextToken() != null) {
        throw new ProfileException(at(file, p.currentTokenLocation()), "a profile is one YAML document; remove the second one (after '---')");
      }
      return root;
    } catch (ProfileException e) {
      throw e;
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null && m.getProblem() != null) {
        // snakeyaml's problem and its mark say what is wrong and where; Jackson's message leads with the context.
        Location where = new Location(file, m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1);
        throw new ProfileException(where, "malformed YAML: " + firstLine(m.getProblem()) + hint(m));
      }
      throw new ProfileException(at(file, e.getLocation()), "malformed YAML: " + firstLine(e.getOriginalMessage()));
    } catch (IOException | RuntimeException e) {
      // snakeyaml can throw its own unchecked errors for odd input; they are still malformed YAML.
      throw new ProfileException(Location.start(file), "malformed YAML: " + firstLine(String.valueOf(e.getMessage())));
    }
  }

  private static YamlNode read(JsonParser p, String file, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new ProfileException(at(file, p.currentTokenLocation()), "nested too deeply");
    }
    Location here = at(file, p.currentTokenLocation());
    JsonToken t = p.currentToken();
    if (p instanceof YAMLParser y && y.isCurrentAlias()) {
      // Jackson hands an alias over as its name; reading "*c" as the text "c" would mislead.
      throw new ProfileException(here, "YAML aliases (*" + p.getText() + ") are not supported; write the value out");
    }
    Object tag = p.getTypeId();
    if (tag != null) {
      // "!= ok" unquoted is a YAML tag "!=" on "ok": refuse it rather than read "ok".
      String name = String.valueOf(tag).startsWith("!") ? String.valueOf(tag) : "!" + tag;
      throw new ProfileException(here, "YAML tag '" + name + "' is not supported; quote comparisons: \"!= ok\", \">= 16GiB\"");
    }
    switch (t) {
      case START_OBJECT -> {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Location keyAt = at(file, p.currentTokenLocation());
          p.nextToken();
          YamlNode value = read(p, file, depth + 1);
          YamlNode.Entry before = entries.get(key);
          if (before != null) {
            throw new ProfileException(keyAt, "duplicate key '" + key + "' (first at line " + before.keyLocation().line() + ")");
          }
          entries.put(key, new YamlNode.Entry(key, keyAt, value));
        }
        return new YamlNode.MapNode(here, entries);
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p, file, depth + 1));
        }
        return new YamlNode.ListNode(here, items);
      }
      case VALUE_STRING -> {
        return new YamlNode.Scalar(here, p.getText(), YamlNode.Scalar.Type.STRING);
      }
      case VALUE_NUMBER_INT -> {
        return new YamlNode.Scalar(here, p.getText(), YamlNode.Scalar.Type.INTEGER);
      }
      case VALUE_NUMBER_FLOAT -> {
        return new YamlNode.Scalar(here, p.getText(), YamlNode.Scalar.Type.FLOAT);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new YamlNode.Scalar(here, p.getText(), YamlNode.Scalar.Type.BOOLEAN);
      }
      case VALUE_NULL -> {
        return new YamlNode.Scalar(here, "", YamlNode.Scalar.Type.NULL);
      }
      default -> throw new ProfileException(here, "unsupported YAML content (" + t + ")");
    }
  }

  /** The usual trap: an unquoted comparison (YAML reads a leading '>' or '!' itself). */
  private static String hint(MarkedYAMLException m) {
    String context = String.valueOf(m.getContext()) + " " + m.getProblem();
    return context.contains("block scalar") || context.contains("tag") ? " (quote comparisons: \">= 16GiB\", \"!= ok\")" : "";
  }

  private static Location at(String file, JsonLocation loc) {
    if (loc == null || loc.getLineNr() < 1) {
      return Location.start(file);
    }
    return new Location(file, loc.getLineNr(), Math.max(1, loc.getColumnNr()));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String line = message.strip().lines().findFirst().orElse("unreadable");
    return line.isBlank() ? "unreadable" : line;
  }
}
