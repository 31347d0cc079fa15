package dev.envdoctor.check.model;

import dev.envdoctor.check.path.ResolvedPath;
import java.util.List;

/**
 * The platform conditions under which a check applies; a check whose conditions do not hold is
 * skipped, with the reason. Empty lists mean "any". All given conditions must hold.
 */
public record When(List<String> os, List<String> arch, List<ResolvedPath> exists, List<Expectation> facts) {

  public static final When ALWAYS = new When(List.of(), List.of(), List.of(), List.of());

  public When {
    os = List.copyOf(os);
    arch = List.copyOf(arch);
    exists = List.copyOf(exists);
    facts = List.copyOf(facts);
  }
}
