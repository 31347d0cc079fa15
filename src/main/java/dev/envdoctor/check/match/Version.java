package dev.envdoctor.check.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dotted version compared number by number, missing parts counting as 0: 2.10 > 2.9, 14 == 14.0.
 * The first run of digits and dots is the version, so "2.7.1+cu128", "17.0.13+11", "v580.65.06"
 * and "Docker 27.3.1" all read.
 */
public record Version(List<Integer> parts, String text) implements Comparable<Version> {

  private static final Pattern DIGITS = Pattern.compile("\\d+(?:\\.\\d+)*");

  public Version {
    parts = List.copyOf(parts);
  }

  public static Optional<Version> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = DIGITS.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    List<Integer> parts = new ArrayList<>();
    for (String p : m.group().split("\\.")) {
      try {
        parts.add(Integer.parseInt(p));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.of(new Version(parts, text));
  }

  @Override
  public int compareTo(Version o) {
    int n = Math.max(parts.size(), o.parts.size());
    for (int i = 0; i < n; i++) {
      int a = i < parts.size() ? parts.get(i) : 0;
      int b = i < o.parts.size() ? o.parts.get(i) : 0;
      if (a != b) {
        return Integer.compare(a, b);
      }
    }
    return 0;
  }
}
