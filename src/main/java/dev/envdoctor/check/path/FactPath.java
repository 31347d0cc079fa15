package dev.envdoctor.check.path;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed fact path such as {@code devices[runtime=native,device=cuda*].verified}, optionally
 * under a quantifier: {@code any(...)}, {@code all(...)}, {@code none(...)}, {@code count(...)},
 * {@code min(...)}, {@code max(...)}.
 */
public record FactPath(Quantifier quantifier, List<Step> steps) {

  public FactPath {
    steps = List.copyOf(steps);
  }

  /** How the values a path selects are combined; NONE means the plain path (see README). */
  public enum Quantifier {
    NONE, ANY, ALL, NO, COUNT, MIN, MAX;

    public String word() {
      return this == NO ? "none" : name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One field name with the selectors that filter a list's elements. */
  public record Step(String name, List<Selector> selectors) {
    public Step {
      selectors = List.copyOf(selectors);
    }

    @Override
    public String toString() {
      return selectors.isEmpty() ? name
          : name + selectors.stream().map(Selector::toString).collect(Collectors.joining(",", "[", "]"));
    }
  }

  /** {@code field=value} or {@code field!=value}; value may hold {@code *} wildcards. */
  public record Selector(String field, boolean negated, String value) {
    public boolean accepts(Object actual) {
      String text = actual == null ? "null" : String.valueOf(actual);
      boolean match = glob(value, text);
      return negated != match;
    }

    private static boolean glob(String pattern, String text) {
      if (!pattern.contains("*")) {
        return pattern.equalsIgnoreCase(text);
      }
      StringBuilder re = new StringBuilder("(?i)");
      for (String part : pattern.split("\\*", -1)) {
        re.append(java.util.regex.Pattern.quote(part)).append(".*");
      }
      re.setLength(re.length() - 2);
      return text.matches(re.toString());
    }

    @Override
    public String toString() {
      return field + (negated ? "!=" : "=") + value;
    }
  }

  /** The path without its quantifier, as written. */
  public String body() {
    return steps.stream().map(Step::toString).collect(Collectors.joining("."));
  }

  @Override
  public String toString() {
    return quantifier == Quantifier.NONE ? body() : quantifier.word() + "(" + body() + ")";
  }
}
