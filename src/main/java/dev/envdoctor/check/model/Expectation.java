package dev.envdoctor.check.model;

import dev.envdoctor.check.load.Location;
import dev.envdoctor.check.match.Dimension;
import dev.envdoctor.check.match.Matcher;
import dev.envdoctor.check.path.ResolvedPath;

/** One line of a check's {@code expect:}: a fact path and how its value must compare. */
public record Expectation(ResolvedPath path, Matcher matcher, Dimension dimension, Location location) {

  /** "host.memory.availableBytes >= 16GiB". */
  public String describe() {
    return path + " " + matcher.describe();
  }
}
