package dev.envdoctor.check.eval;

import dev.envdoctor.check.match.Dimension;
import dev.envdoctor.check.match.Matcher;
import dev.envdoctor.check.match.Quantity;
import dev.envdoctor.check.model.Expectation;
import dev.envdoctor.check.path.FactPath.Quantifier;
import dev.envdoctor.check.path.FactReader;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Evaluates one expectation on a report. A plain path through a list means "at least one element
 * is selected and every selected one matches"; an unknown value (null in the report) never
 * matches, except {@code exists: false}. Pure.
 */
public final class ExpectationEvaluator {

  private ExpectationEvaluator() {}

  public static Reading evaluate(Expectation e, Object report) {
    List<Object> values = FactReader.read(report, e.path());
    List<Object> known = values.stream().filter(Objects::nonNull).toList();
    Matcher m = e.matcher();
    Quantifier q = e.path().path().quantifier();
    String path = e.path().toString();
    if (q == Quantifier.COUNT) {
      int count = known.size();
      boolean holds = m instanceof Matcher.Exists x ? (count > 0) == x.expected() : m.test(count);
      return reading(holds, String.valueOf(count), path, m);
    }
    if (q == Quantifier.MIN || q == Quantifier.MAX) {
      if (known.isEmpty()) {
        return unknown(values, path, m);
      }
      double v = known.stream().mapToDouble(o -> ((Number) o).doubleValue())
          .reduce(q == Quantifier.MIN ? Math::min : Math::max).orElseThrow();
      boolean holds = m instanceof Matcher.Exists x ? x.expected() : m.test(v);
      return reading(holds, Quantity.format(v, e.dimension()), path, m);
    }
    if (m instanceof Matcher.Exists x) {
      boolean present = !known.isEmpty();
      String actual = present ? (e.path().multi() ? known.size() + " found" : format(known.get(0), e.dimension())) : absent(values);
      return reading(present == x.expected(), actual, path, m);
    }
    String actual = e.path().multi() ? list(values, e.dimension()) : format(values.get(0), e.dimension());
    boolean holds = switch (q) {
      case ANY -> known.stream().anyMatch(m::test);
      case ALL -> known.size() == values.size() && known.stream().allMatch(m::test);
      case NO -> known.stream().noneMatch(m::test);
      default -> !values.isEmpty() && known.size() == values.size() && known.stream().allMatch(m::test);
    };
    if (!holds && q == Quantifier.NONE && known.isEmpty()) {
      return unknown(values, path, m);
    }
    return reading(holds, actual, path, m);
  }

  private static Reading reading(boolean holds, String actual, String path, Matcher m) {
    String message = holds ? path + " is " + actual : path + " is " + actual + ", expected " + m.describe();
    return new Reading(holds, actual, message);
  }

  private static Reading unknown(List<Object> values, String path, Matcher m) {
    String actual = absent(values);
    return new Reading(false, actual, path + " is " + actual + ", expected " + m.describe());
  }

  /** [] is "none found" (the list has no such element); [null] is "unknown" (not probed). */
  private static String absent(List<Object> values) {
    return values.isEmpty() ? "none found" : "unknown";
  }

  static String format(Object value, Dimension dim) {
    if (value == null) {
      return "unknown";
    }
    if (value instanceof Number n && dim != Dimension.NONE) {
      return Quantity.format(n.doubleValue(), dim);
    }
    if (value instanceof Double d && Double.isFinite(d) && d != 0) {
      // three significant digits: "1.33", not 1.3286964176123806; "0.00000222", not 0
      return new java.math.BigDecimal(d).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
    if (value instanceof Record) {
      return "present";
    }
    return String.valueOf(value);
  }

  private static String list(List<Object> values, Dimension dim) {
    if (values.isEmpty()) {
      return "none found";
    }
    if (values.size() == 1) {
      return format(values.get(0), dim);
    }
    return values.stream().map(v -> format(v, dim)).collect(Collectors.joining(", ", "[", "]"));
  }
}
