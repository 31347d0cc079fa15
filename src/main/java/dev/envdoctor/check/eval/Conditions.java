package dev.envdoctor.check.eval;

import dev.envdoctor.check.model.Expectation;
import dev.envdoctor.check.model.When;
import dev.envdoctor.check.path.FactReader;
import dev.envdoctor.check.path.ResolvedPath;
import dev.envdoctor.model.Report;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Whether a check's {@code when} holds on a report; if not, the reason a person reads. Pure. */
public final class Conditions {

  private Conditions() {}

  public static Optional<String> unmet(When when, Report report) {
    var os = report.host() == null ? null : report.host().os();
    Optional<String> platform = outside("the OS", when.os(), normalOs(os == null ? null : os.family()))
        .or(() -> outside("the architecture", when.arch(), normalArch(os == null ? null : os.arch())));
    if (platform.isPresent()) {
      return platform;
    }
    for (ResolvedPath p : when.exists()) {
      List<Object> values = FactReader.read(report, p);
      if (values.stream().noneMatch(Objects::nonNull)) {
        return Optional.of("applies when " + p + " exists, and " + (values.isEmpty() ? "there is none" : "it is not known"));
      }
    }
    for (Expectation e : when.facts()) {
      Reading r = ExpectationEvaluator.evaluate(e, report);
      if (!r.holds()) {
        return Optional.of("applies when " + e.describe() + ", and " + e.path() + " is " + r.actual());
      }
    }
    return Optional.empty();
  }

  /** Why {@code actual} is not one of {@code allowed} (nothing when any is allowed or it is). */
  private static Optional<String> outside(String what, List<String> allowed, String actual) {
    if (allowed.isEmpty() || actual != null && allowed.contains(actual)) {
      return Optional.empty();
    }
    String applies = "applies to " + String.join("/", allowed) + ", and ";
    return Optional.of(applies + (actual == null ? what + " is not known" : "this is " + actual));
  }

  static String normalOs(String family) {
    if (family == null) {
      return null;
    }
    String f = family.toLowerCase(Locale.ROOT);
    if (f.contains("mac") || f.contains("darwin") || f.contains("os x")) {
      return "macos";
    }
    if (f.contains("win")) {
      return "windows";
    }
    return f.contains("linux") ? "linux" : f;
  }

  static String normalArch(String arch) {
    if (arch == null) {
      return null;
    }
    String a = arch.toLowerCase(Locale.ROOT);
    return switch (a) {
      case "aarch64", "arm64" -> "arm64";
      case "amd64", "x86_64", "x64", "x86-64" -> "x86_64";
      default -> a;
    };
  }
}
