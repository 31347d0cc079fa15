package dev.envdoctor.check.model;

import dev.envdoctor.check.load.Location;
import java.util.List;

/** One declared check: what must hold, when it applies, and how to fix it. {@code profile}: where it was declared. */
public record Check(
    String id,
    String title,
    Severity severity,
    When when,
    List<Expectation> expect,
    String fix,
    String profile,
    Location location) {

  public Check {
    expect = List.copyOf(expect);
  }
}
