package dev.envdoctor.check.match;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How one value is compared (goss's matchers). Typed when the profile is loaded, from the field
 * the path names: numbers with units, versions, booleans, strings. {@link #test} sees a non-null
 * value; unknown values and exists are the evaluator's business.
 */
public sealed interface Matcher {

  boolean test(Object actual);

  /** The expectation as a person reads it: ">= 16GiB", "one of [docker, podman]". */
  String describe();

  record NumberCompare(Op op, double expected, String written) implements Matcher {
    @Override
    public boolean test(Object actual) {
      return actual instanceof Number n && op.holds(Double.compare(n.doubleValue(), expected));
    }

    @Override
    public String describe() {
      return op.symbol() + " " + written;
    }
  }

  record VersionCompare(Op op, Version expected, String written) implements Matcher {
    @Override
    public boolean test(Object actual) {
      return Version.parse(String.valueOf(actual)).map(v -> op.holds(v.compareTo(expected))).orElse(false);
    }

    @Override
    public String describe() {
      return op.symbol() + " " + written;
    }
  }

  /** Strings compare without regard to case: NVIDIA is nvidia, macOS is macos. */
  record TextEquals(boolean negated, String expected) implements Matcher {
    @Override
    public boolean test(Object actual) {
      return negated != String.valueOf(actual).toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
    }

    @Override
    public String describe() {
      return (negated ? "!= " : "") + expected;
    }
  }

  record BoolEquals(boolean negated, boolean expected) implements Matcher {
    @Override
    public boolean test(Object actual) {
      return actual instanceof Boolean b && (negated != (b == expected));
    }

    @Override
    public String describe() {
      return (negated ? "!= " : "") + expected;
    }
  }

  record OneOf(List<Matcher> options) implements Matcher {
    public OneOf {
      options = List.copyOf(options);
    }

    @Override
    public boolean test(Object actual) {
      return options.stream().anyMatch(m -> m.test(actual));
    }

    @Override
    public String describe() {
      return "one of " + options.stream().map(Matcher::describe).collect(Collectors.joining(", ", "[", "]"));
    }
  }

  /** A regular expression that must be found in the value's text (anchor it with ^ and $). */
  record Regex(Pattern pattern) implements Matcher {
    @Override
    public boolean test(Object actual) {
      return pattern.matcher(String.valueOf(actual)).find();
    }

    @Override
    public String describe() {
      return "matches /" + pattern.pattern() + "/";
    }
  }

  /** exists: true (known and, for a list, not empty) or exists: false. */
  record Exists(boolean expected) implements Matcher {
    @Override
    public boolean test(Object actual) {
      return expected;
    }

    @Override
    public String describe() {
      return expected ? "exists" : "absent";
    }
  }
}
