package dev.envdoctor.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Confidence;
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Recommendation.Projection;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.report.Renderers;
import dev.envdoctor.run.Console;
import dev.envdoctor.testing.Golden;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Issue #25 follow-up, item 3: rows not made from the verdict's pairs say so, and a parity verdict
 * beside a container row outside its band is called out in the console, md and HTML instead of
 * silently disagreeing. On the real plain doctor run recorded/bursts/plain-doctor-0030.json (SOURCES.md
 * there): its stored recommendation, made by the code before #25, says parity beside a docker row
 * 2.8× native's; and that run with its bursts removed, the shape of a report from before the pairs
 * (a derivation, not a recording). Failed before: no line said either.
 */
class TimedApartTest {

  private static Report recorded() throws Exception {
    return ReportJson.read(Path.of("src/test/resources/recorded/bursts/plain-doctor-0030.json"));
  }

  /** The recorded run with its bursts removed: the shape of a report from before the pairs. */
  private static Report unpaired() throws Exception {
    Report r = recorded();
    return r.withCalibrations(r.calibrations().stream().map(c -> c.withBursts(List.of(), null, c.allowance())).toList());
  }

  private static String console(Recommendation rec) {
    StringWriter out = new StringWriter();
    RecommendView.projection(rec, new Console(new PrintWriter(out, true), false));
    return out.toString();
  }

  private static Projection row(Recommendation rec, String runtime, String backend) {
    return rec.projection().stream().filter(p -> runtime.equals(p.runtime()) && Backend.parse(backend) == p.backend())
        .findFirst().orElseThrow();
  }

  @Test
  void aStoredParityVerdictBesideARowOutsideItsBandIsCalledOutInEveryFormat() throws Exception {
    Report r = recorded();
    Recommendation stored = r.recommendation();
    assertEquals(Confidence.PARITY, stored.confidence());
    double ratio = row(stored, "docker", "djl").hours() / row(stored, "native", "djl").hours();
    assertTrue(ratio > 1.05, String.valueOf(ratio));
    String line = TimedApart.disagreement(stored);
    assertNotNull(line);
    Golden.assertMatches("recommend/timed-apart/stored-parity.txt", line + "\n" + console(stored));
    assertTrue(Renderers.byFormat("md").orElseThrow().render(r).contains(line));
    assertTrue(Renderers.byFormat("html").orElseThrow().render(r).contains(dev.envdoctor.report.Fmt.html(line)));
    // this code's verdict on the same run: the docker row is native's × the paired ratio, within the band
    assertNull(TimedApart.disagreement(Verdict.decide(r, Workloads.DEFAULT)));
  }

  @Test
  void rowsOfAReportWithoutPairsSayTheyWereTimedApart() throws Exception {
    Report unpaired = unpaired();
    Recommendation rec = Verdict.decide(unpaired, Workloads.DEFAULT);
    Projection docker = row(rec, "docker", "djl");
    assertEquals(Projection.CALIBRATED_SCALED, docker.method());
    Golden.assertMatches("recommend/timed-apart/unpaired.txt", console(rec));
    assertTrue(TimedApart.how(docker).endsWith("(timed apart, not paired)"));
    assertTrue(Renderers.byFormat("md").orElseThrow().render(unpaired.withRecommendation(rec))
        .contains("calibrated-scaled (timed apart, not paired)"));
    // native's own rows are not a container's: no label
    rec.projection().stream().filter(p -> "native".equals(p.runtime()))
        .forEach(p -> assertEquals(Objects.requireNonNullElse(p.method(), Projection.FLOP_RATE), TimedApart.how(p)));
  }

  /** Constructed from that derivation: the same rows under a parity verdict (its own verdict says noisy). */
  @Test
  void aParityVerdictBesideRowsTimedApartOutsideTheBandSaysWhyConstructed() throws Exception {
    Report unpaired = unpaired();
    Recommendation rec = Verdict.decide(unpaired, Workloads.DEFAULT);
    Recommendation parity = new Recommendation(rec.train(), rec.speedup(), rec.speedupCi95(), rec.verdict(), rec.reason(),
        rec.deployment(), rec.evidence(), rec.workload(), rec.projection(), rec.assumptions(), Confidence.PARITY,
        rec.measurement());
    double ratio = row(rec, "docker", "djl").hours() / row(rec, "native", "djl").hours();
    String line = TimedApart.disagreement(parity);
    assertTrue(ratio > 1.05, String.valueOf(ratio));
    assertNotNull(line);
    Golden.assertMatches("recommend/timed-apart/unpaired-parity.txt", line + "\n");
  }

  /**
   * Constructed from the recorded run's own paired verdict: its docker row, still paired, set to twice
   * native's under a parity verdict. Before, the line called a paired row "from its own timing".
   */
  @Test
  void aPairedRowOutsideTheBandIsNotCalledItsOwnTimingConstructed() throws Exception {
    Recommendation rec = Verdict.decide(recorded(), Workloads.DEFAULT);
    Projection nat = row(rec, "native", "djl");
    List<Projection> rows = rec.projection().stream().map(p -> !"docker".equals(p.runtime()) ? p
        : new Projection(p.runtime(), p.backend(), p.device(), 2 * nat.hours(), null, null, Projection.PAIRED,
            p.secondsPerImage(), p.basis(), 2.0, null)).toList();
    Recommendation parity = new Recommendation(rec.train(), rec.speedup(), rec.speedupCi95(), rec.verdict(), rec.reason(),
        rec.deployment(), rec.evidence(), rec.workload(), rows, rec.assumptions(), Confidence.PARITY,
        rec.measurement());
    String line = TimedApart.disagreement(parity);
    assertNotNull(line);
    Golden.assertMatches("recommend/timed-apart/paired-row-outside.txt", line + "\n");
  }

  /**
   * A real plain doctor of the development VM (recorded/repeatability/parity-docker-podman-apart.json,
   * 2026-12-07 21:34 UTC): the verdict reads docker at parity while podman's row, from podman's own
   * pairs with native, stands at 1.14x native's. The line names podman's pairs, not another backend.
   */
  @Test
  void aSecondContainerOutsideTheBandBesideTheVerdictsParityIsNamedAsItsOwnPairs() throws Exception {
    Report r;
    try (var in = TimedApartTest.class.getResourceAsStream("/recorded/repeatability/parity-docker-podman-apart.json")) {
      r = dev.envdoctor.model.ReportJson.read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
    Recommendation rec = Verdict.decide(r, r.recommendation().workload());
    assertEquals(Confidence.PARITY, rec.confidence());
    assertEquals("docker", rec.train().runtime());
    String line = TimedApart.disagreement(rec);
    assertNotNull(line);
    assertTrue(line.startsWith("the verdict says parity, but podman djl cpu's projection is 1.14× native's"), line);
    assertTrue(line.endsWith("the verdict compared docker with native, and podman's own pairs did not read parity"), line);
  }
}
