package dev.envdoctor.check.load;

import dev.envdoctor.check.match.BadValueException;
import dev.envdoctor.check.match.Dimension;
import dev.envdoctor.check.match.Matcher;
import dev.envdoctor.check.match.Op;
import dev.envdoctor.check.match.Quantity;
import dev.envdoctor.check.match.Version;
import dev.envdoctor.check.path.FactSchema;
import dev.envdoctor.check.path.ResolvedPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the matcher of one {@code path: matcher} line, typed by the field the path names: a
 * number with a unit for a numeric field, a version for ordering on text, true/false for a
 * boolean. A value that does not fit the field is a located error now, not a surprise later.
 */
final class MatcherReader {

  private static final Pattern OPERATOR = Pattern.compile("^(>=|<=|!=|==|>|<)\\s*(.*)$", Pattern.DOTALL);
  private static final Set<String> MAP_KEYS = new java.util.LinkedHashSet<>(List.of("oneOf", "matches", "exists"));

  private enum Kind { NUMBER, TEXT, BOOLEAN, RECORD }

  private MatcherReader() {}

  static Matcher read(YamlNode node, ResolvedPath path) {
    Kind kind = kind(path);
    Dimension dim = dimension(path);
    if (node instanceof YamlNode.MapNode map) {
      Nodes.onlyKeys(map, MAP_KEYS, "the matcher of '" + path + "'");
      if (map.entries().size() != 1) {
        throw new ProfileException(map.location(), "a matcher is one of oneOf:, matches: or exists:; found " + map.entries().size() + " keys");
      }
      YamlNode.Entry e = map.entries().values().iterator().next();
      return switch (e.key()) {
        case "exists" -> new Matcher.Exists(bool(e.value(), "exists"));
        case "matches" -> regex(e.value(), path, kind);
        default -> oneOf(e.value(), path, kind, dim);
      };
    }
    if (node instanceof YamlNode.ListNode list) {
      throw new ProfileException(list.location(), "a list is not a matcher; for several allowed values write 'oneOf: [...]'");
    }
    return scalar((YamlNode.Scalar) node, path, kind, dim);
  }

  static Dimension dimension(ResolvedPath path) {
    return path.counts() ? Dimension.NONE : Dimension.of(path.leafName());
  }

  private static Kind kind(ResolvedPath path) {
    if (path.counts()) {
      return Kind.NUMBER;
    }
    FactSchema.Node leaf = path.leaf();
    if (!leaf.isScalar()) {
      return Kind.RECORD;
    }
    if (leaf.type() == Boolean.class) {
      return Kind.BOOLEAN;
    }
    return Number.class.isAssignableFrom(leaf.type()) ? Kind.NUMBER : Kind.TEXT;
  }

  private static Matcher scalar(YamlNode.Scalar s, ResolvedPath path, Kind kind, Dimension dim) {
    if (s.type() == YamlNode.Scalar.Type.NULL) {
      throw new ProfileException(s.location(), "missing value for '" + path + "'");
    }
    if (kind == Kind.RECORD) {
      throw new ProfileException(s.location(), "wrong type: '" + path + "' is " + (path.leaf().isList() ? "a list of records" : "a record")
          + "; compare one of its fields, count(" + path.path().body() + ") or write 'exists: true'");
    }
    Op op = Op.EQ;
    String operand = s.text().strip();
    if (s.type() == YamlNode.Scalar.Type.STRING) {
      java.util.regex.Matcher m = OPERATOR.matcher(operand);
      if (m.matches()) {
        op = Op.valueOf(opName(m.group(1)));
        operand = m.group(2).strip();
      }
    }
    if (operand.isEmpty()) {
      throw new ProfileException(s.location(), "'" + s.text() + "' compares with nothing; write e.g. \">= 16GiB\"");
    }
    try {
      return switch (kind) {
        case NUMBER -> number(s, op, operand, path, dim);
        case BOOLEAN -> bool(s, op, operand, path);
        default -> text(s, op, operand, path);
      };
    } catch (BadValueException e) {
      throw new ProfileException(s.location(), e.getMessage() + " (for '" + path + "')");
    }
  }

  private static String opName(String symbol) {
    for (Op o : Op.values()) {
      if (o.symbol().equals(symbol)) {
        return o.name();
      }
    }
    throw new IllegalArgumentException(symbol);
  }

  private static Matcher number(YamlNode.Scalar s, Op op, String operand, ResolvedPath path, Dimension dim) throws BadValueException {
    if (s.type() == YamlNode.Scalar.Type.BOOLEAN) {
      throw new ProfileException(s.location(), "wrong type: '" + path + "' is " + (path.counts() ? "a count" : dim.describe()) + ", not a boolean");
    }
    return new Matcher.NumberCompare(op, Quantity.parse(operand, dim), operand);
  }

  private static Matcher bool(YamlNode.Scalar s, Op op, String operand, ResolvedPath path) {
    if (op.ordering()) {
      throw new ProfileException(s.location(), "'" + path + "' is a boolean: compare it with true, false or \"!= true\", not " + op.symbol());
    }
    if (!operand.equalsIgnoreCase("true") && !operand.equalsIgnoreCase("false")) {
      throw new ProfileException(s.location(), "wrong type: '" + path + "' is a boolean; write true or false, not '" + operand + "'");
    }
    return new Matcher.BoolEquals(op == Op.NE, Boolean.parseBoolean(operand.toLowerCase(java.util.Locale.ROOT)));
  }

  private static Matcher text(YamlNode.Scalar s, Op op, String operand, ResolvedPath path) {
    if (s.type() == YamlNode.Scalar.Type.BOOLEAN) {
      throw new ProfileException(s.location(), "wrong type: '" + path + "' is text, not a boolean; quote it if you mean the word: \"" + operand + "\"");
    }
    if (op.ordering()) {
      Version v = Version.parse(operand).orElseThrow(() -> new ProfileException(s.location(),
          "'" + op.symbol() + " " + operand + "': text compares by " + op.symbol() + " as a version, and '" + operand + "' is not one (write e.g. \">= 2.1\")"));
      return new Matcher.VersionCompare(op, v, operand);
    }
    return new Matcher.TextEquals(op == Op.NE, operand);
  }

  private static boolean bool(YamlNode node, String what) {
    if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.BOOLEAN) {
      return Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT));
    }
    throw Nodes.wrongType(node, what, "true or false");
  }

  private static Matcher regex(YamlNode node, ResolvedPath path, Kind kind) {
    String text = Nodes.text(node, "matches");
    if (kind != Kind.TEXT) {
      throw new ProfileException(node.location(), "wrong type: matches: works on text, and '" + path + "' is not text");
    }
    try {
      return new Matcher.Regex(Pattern.compile(text));
    } catch (PatternSyntaxException e) {
      throw new ProfileException(node.location(), "bad regex '" + text + "': " + e.getDescription()
          + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
    }
  }

  private static Matcher oneOf(YamlNode node, ResolvedPath path, Kind kind, Dimension dim) {
    if (!(node instanceof YamlNode.ListNode list) || list.items().isEmpty()) {
      throw Nodes.wrongType(node, "oneOf", "a non-empty list of values");
    }
    List<Matcher> options = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (!(item instanceof YamlNode.Scalar s)) {
        throw Nodes.wrongType(item, "each oneOf value", "a single value");
      }
      Matcher m = scalar(s, path, kind, dim);
      if (m instanceof Matcher.NumberCompare n && n.op() != Op.EQ
          || m instanceof Matcher.VersionCompare
          || m instanceof Matcher.TextEquals t && t.negated()
          || m instanceof Matcher.BoolEquals b && b.negated()) {
        throw new ProfileException(s.location(), "oneOf lists plain values; '" + s.text() + "' has an operator");
      }
      options.add(m);
    }
    return new Matcher.OneOf(options);
  }
}
