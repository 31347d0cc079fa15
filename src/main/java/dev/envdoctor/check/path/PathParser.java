package dev.envdoctor.check.path;

import dev.envdoctor.check.path.FactPath.Quantifier;
import dev.envdoctor.check.path.FactPath.Selector;
import dev.envdoctor.check.path.FactPath.Step;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses fact paths and checks them against a {@link FactSchema}, suggesting the nearest field. */
public final class PathParser {

  private static final Pattern QUANTIFIED = Pattern.compile("^(any|all|none|count|min|max)\\s*\\((.*)\\)$");
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

  private final FactSchema schema;

  public PathParser(FactSchema schema) {
    this.schema = schema;
  }

  /** Parses and resolves {@code text}; the message of the exception is the user's fix. */
  public ResolvedPath resolve(String text) throws BadPathException {
    return resolve(parse(text));
  }

  static FactPath parse(String raw) throws BadPathException {
    String text = raw.strip();
    Quantifier q = Quantifier.NONE;
    Matcher m = QUANTIFIED.matcher(text);
    if (m.matches()) {
      q = m.group(1).equals("none") ? Quantifier.NO : Quantifier.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT));
      text = m.group(2).strip();
    } else if (text.contains("(")) {
      throw new BadPathException("'" + raw + "' is not a fact path; a path may be wrapped in any(...), all(...), none(...), count(...), min(...) or max(...)");
    }
    if (text.isEmpty()) {
      throw new BadPathException("empty fact path");
    }
    List<Step> steps = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int end = i;
      while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
        end++;
      }
      String name = text.substring(i, end).strip();
      if (!NAME.matcher(name).matches()) {
        throw new BadPathException("'" + raw + "': '" + name + "' is not a field name");
      }
      List<Selector> selectors = new ArrayList<>();
      if (end < text.length() && text.charAt(end) == '[') {
        int close = text.indexOf(']', end);
        if (close < 0) {
          throw new BadPathException("'" + raw + "': '[' without its ']'");
        }
        for (String cond : text.substring(end + 1, close).split(",", -1)) {
          selectors.add(selector(raw, cond));
        }
        end = close + 1;
      }
      steps.add(new Step(name, selectors));
      if (end < text.length()) {
        if (text.charAt(end) != '.') {
          throw new BadPathException("'" + raw + "': expected '.' after ']'");
        }
        end++;
        if (end == text.length()) {
          throw new BadPathException("'" + raw + "' ends with '.'");
        }
      }
      i = end;
    }
    return new FactPath(q, steps);
  }

  private static Selector selector(String raw, String cond) throws BadPathException {
    int ne = cond.indexOf("!=");
    int eq = cond.indexOf('=');
    if (eq < 0) {
      throw new BadPathException("'" + raw + "': selector '" + cond.strip() + "' needs field=value or field!=value");
    }
    boolean negated = ne >= 0 && ne < eq;
    String field = cond.substring(0, negated ? ne : eq).strip();
    String value = cond.substring(eq + 1).strip();
    if (!NAME.matcher(field).matches() || value.isEmpty()) {
      throw new BadPathException("'" + raw + "': selector '" + cond.strip() + "' needs field=value or field!=value");
    }
    return new Selector(field, negated, value);
  }

  ResolvedPath resolve(FactPath path) throws BadPathException {
    FactSchema.Node node = schema.root();
    boolean multi = false;
    List<Step> steps = path.steps();
    for (int k = 0; k < steps.size(); k++) {
      Step step = steps.get(k);
      if (node.isScalar()) {
        throw new BadPathException("unknown fact path '" + path.body() + "': '" + prefix(steps, k) + "' is a value and has no field '" + step.name() + "'");
      }
      FactSchema.Node child = node.children().get(step.name());
      if (child == null) {
        throw new BadPathException("unknown fact path '" + path.body() + "'" + suggestion(path, k, node));
      }
      if (!step.selectors().isEmpty()) {
        if (child.shape() != FactSchema.Shape.RECORD_LIST) {
          throw new BadPathException("'" + prefix(steps, k + 1) + "': only a list of records takes [field=value] selectors");
        }
        for (Selector s : step.selectors()) {
          FactSchema.Node f = child.children().get(s.field());
          if (f == null || !f.isScalar() || f.isList()) {
            throw new BadPathException("unknown field '" + s.field() + "' in selector of '" + step.name() + "'"
                + Nearest.hint(s.field(), scalarFields(child)) + " (fields: " + String.join(", ", scalarFields(child)) + ")");
          }
        }
      }
      multi |= child.isList();
      node = child;
    }
    Quantifier q = path.quantifier();
    if (q != Quantifier.NONE && q != Quantifier.COUNT && !multi) {
      throw new BadPathException(q.word() + "(...) needs a path through a list, and '" + path.body() + "' is a single value");
    }
    if ((q == Quantifier.MIN || q == Quantifier.MAX) && !Number.class.isAssignableFrom(node.type())) {
      throw new BadPathException(q.word() + "(...) needs numbers, and '" + path.body() + "' is not a number");
    }
    if (q != Quantifier.COUNT && q != Quantifier.NONE && !node.isScalar()) {
      throw new BadPathException(q.word() + "(...) needs a path to a value; '" + path.body() + "' is a record (add a field, or use count(...))");
    }
    return new ResolvedPath(path, node, multi);
  }

  private static String prefix(List<Step> steps, int upTo) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < upTo; k++) {
      b.append(k == 0 ? "" : ".").append(steps.get(k));
    }
    return b.toString();
  }

  /** The nearest field at the failing step, keeping the user's selectors; else the nearest whole path. */
  private String suggestion(FactPath path, int k, FactSchema.Node parent) {
    Step bad = path.steps().get(k);
    var local = Nearest.to(bad.name(), parent.children().keySet());
    if (local.isPresent()) {
      List<Step> fixed = new ArrayList<>(path.steps());
      fixed.set(k, new Step(local.get(), bad.selectors()));
      return "; did you mean '" + new FactPath(Quantifier.NONE, fixed).body() + "'?";
    }
    String plain = path.steps().stream().map(Step::name).reduce((a, b) -> a + "." + b).orElse("");
    for (String p : schema.allPaths()) {
      if (p.endsWith("." + plain)) {
        return "; did you mean '" + p + "'?";
      }
    }
    return Nearest.to(plain, schema.allPaths()).map(s -> "; did you mean '" + s + "'?")
        .orElse("; top-level fields: " + String.join(", ", schema.root().children().keySet()));
  }

  private static List<String> scalarFields(FactSchema.Node list) {
    Set<String> out = new LinkedHashSet<>();
    for (Map.Entry<String, FactSchema.Node> e : list.children().entrySet()) {
      if (e.getValue().shape() == FactSchema.Shape.SCALAR) {
        out.add(e.getKey());
      }
    }
    return List.copyOf(out);
  }
}
