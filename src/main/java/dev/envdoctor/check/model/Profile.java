package dev.envdoctor.check.model;

import dev.envdoctor.model.Recommendation.Workload;
import java.util.List;

/**
 * A loaded profile with its includes merged: checks in order (included first; a check whose id an
 * including profile declares again is replaced in place), and the workload, the nearest one wins.
 * {@code workload} is null when no profile in the chain states one.
 */
public record Profile(String name, String source, String description, Workload workload, List<Check> checks) {

  public Profile {
    checks = List.copyOf(checks);
  }
}
