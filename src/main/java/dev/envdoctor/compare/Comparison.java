package dev.envdoctor.compare;

import java.util.List;

/**
 * What differs between a reference machine (BASE) and another (OTHER), most important first, with
 * one plain verdict line. failing: a difference a check would fail appeared on OTHER (exit 1).
 */
public record Comparison(
    String schema,
    String base,
    String other,
    String verdict,
    boolean failing,
    List<Difference> differences,
    List<StepTimeRatio> ratios) {

  public static final String SCHEMA = "envdoctor/compare/v1";

  public Comparison {
    differences = List.copyOf(differences);
    ratios = List.copyOf(ratios);
  }

  public long count(Difference.Severity s) {
    return differences.stream().filter(d -> d.severity() == s).count();
  }
}
