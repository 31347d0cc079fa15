package dev.envdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.check.eval.Evaluator;
import dev.envdoctor.check.load.Location;
import dev.envdoctor.check.load.ProfileLoader;
import dev.envdoctor.check.load.ProfileLocator;
import dev.envdoctor.check.load.ProfileSource;
import dev.envdoctor.check.match.Dimension;
import dev.envdoctor.check.match.Matcher;
import dev.envdoctor.check.match.Op;
import dev.envdoctor.check.model.Check;
import dev.envdoctor.check.model.Expectation;
import dev.envdoctor.check.model.Profile;
import dev.envdoctor.check.model.Severity;
import dev.envdoctor.check.model.When;
import dev.envdoctor.check.path.FactPath;
import dev.envdoctor.check.path.FactSchema;
import dev.envdoctor.check.path.ResolvedPath;
import dev.envdoctor.model.CheckResult;
import dev.envdoctor.model.CheckStatus;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.model.Summary;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evaluator as a pure function: severities, info, when-facts, and a check that breaks. */
class EvaluatorTest {

  static Report linux() throws Exception {
    return ReportJson.read(Path.of("src/test/resources/checks/linux-cpu-docker.json"));
  }

  static Profile profile(String checks) {
    return new ProfileLoader(new ProfileLocator(Path.of(""))).load(
        new ProfileSource("t", "t", "t.yaml", Path.of("checks").toAbsolutePath(), "checks:\n" + checks));
  }

  @Test
  void severitiesMapToStatusesAndInfoIsOnlyNoted() throws Exception {
    Profile p = profile("""
          - {id: f, title: F, severity: fail, expect: {host.cpu.logicalCores: ">= 64"}, fix: more cores}
          - {id: w, title: W, severity: warn, expect: {host.cpu.logicalCores: ">= 64"}, fix: more cores}
          - {id: i, title: I, severity: info, expect: {host.cpu.logicalCores: ">= 64"}, fix: more cores}
          - {id: p, title: P, severity: fail, expect: {host.cpu.logicalCores: ">= 2", host.os.family: linux}}
        """);
    List<CheckResult> r = Evaluator.evaluate(p, linux());
    assertEquals(List.of(CheckStatus.FAIL, CheckStatus.WARN, CheckStatus.PASS, CheckStatus.PASS), r.stream().map(CheckResult::status).toList());
    assertEquals("host.cpu.logicalCores is 2, expected >= 64", r.get(0).message());
    assertEquals("more cores", r.get(0).fix());
    assertEquals("noted: host.cpu.logicalCores is 2, expected >= 64", r.get(2).message());
    assertEquals(null, r.get(2).fix(), "no fix for what passes");
    assertEquals("host.cpu.logicalCores >= 2; host.os.family linux", r.get(3).expected());
    assertEquals("host.cpu.logicalCores = 2; host.os.family = linux", r.get(3).actual());
    assertEquals(new Summary(2, 1, 1, 0, 0), Evaluator.summarize(r));
  }

  @Test
  void whenFactsGateACheckAndSayWhy() throws Exception {
    Profile p = profile("""
          - id: t
            title: T
            severity: fail
            when:
              facts:
                python.torch.version: ">= 2.8"
            expect: {host.os.version: ">= 14"}
        """);
    CheckResult r = Evaluator.evaluate(p, linux()).get(0);
    assertEquals(CheckStatus.SKIP, r.status());
    assertEquals("skipped: applies when python.torch.version >= 2.8, and python.torch.version is 1.13.0", r.message());
  }

  /** A check that breaks while evaluating becomes status error; the next one still runs. */
  @Test
  void aBrokenCheckIsAnErrorNotAnException() throws Exception {
    // min(...) over text cannot be written in a profile (the loader refuses it); built by hand here.
    var schema = FactSchema.report().root().children().get("runtimes");
    ResolvedPath minOfText = new ResolvedPath(new FactPath(FactPath.Quantifier.MIN,
        List.of(new FactPath.Step("runtimes", List.of()), new FactPath.Step("status", List.of()))),
        schema.children().get("status"), true);
    Expectation broken = new Expectation(minOfText, new Matcher.NumberCompare(Op.GE, 1, "1"), Dimension.NONE, Location.start("x"));
    Check bad = new Check("bad", "Bad", Severity.FAIL, When.ALWAYS, List.of(broken), null, "x", Location.start("x"));
    Profile p = profile("  - {id: ok, title: OK, severity: fail, expect: {host.os.family: linux}}\n");
    Profile both = new Profile("b", "b", null, null, List.of(bad, p.checks().get(0)));
    List<CheckResult> r = Evaluator.evaluate(both, linux());
    assertEquals(CheckStatus.ERROR, r.get(0).status());
    assertTrue(r.get(0).message().startsWith("could not evaluate: java.lang.ClassCastException"), r.get(0).message());
    assertEquals(CheckStatus.PASS, r.get(1).status());
    assertEquals(new Summary(1, 0, 0, 0, 1), Evaluator.summarize(r));
  }
}
