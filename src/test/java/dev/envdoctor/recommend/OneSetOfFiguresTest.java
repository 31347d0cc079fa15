package dev.envdoctor.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.calibrate.stats.Decision;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.Confidence;
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Recommendation.Projection;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Issue #25, items 1-3, on two real plain doctor runs of the development VM ten seconds apart
 * (recorded/bursts/plain-doctor-0030.json and -0031.json, SOURCES.md there): the container rows
 * stand on native's same-backend projection × the verdict's paired ratio, so where the verdict says
 * parity the rows agree within its band; the ranges carry what moves between runs; the verdict names
 * the stack it compared. Each failed before: the docker row was the FLOP-rate path (2.2-3.2× native's),
 * native Python's range was ±1% and left the other run's figure out, and the verdict named no stack.
 */
class OneSetOfFiguresTest {

  private static Report recorded(String name) throws Exception {
    return ReportJson.read(Path.of("src/test/resources/recorded/bursts/" + name + ".json"));
  }

  private static Projection row(Recommendation rec, String runtime, String backend) {
    return rec.projection().stream().filter(p -> runtime.equals(p.runtime()) && Backend.parse(backend) == p.backend())
        .findFirst().orElseThrow(() -> new AssertionError(rec.projection().toString()));
  }

  private static Calibration cnn(Report r, String runtime, String backend) {
    return r.calibrations().stream().filter(c -> "cnn".equals(c.workload()) && runtime.equals(c.runtime())
        && Backend.parse(backend) == c.backend()).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain-doctor-0030", "plain-doctor-0031"})
  void aContainerInThePairsIsNativesProjectionTimesThePairedRatio(String name) throws Exception {
    Report r = recorded(name);
    Recommendation rec = Verdict.decide(r, Workloads.DEFAULT);
    assertEquals(Confidence.PARITY, rec.confidence(), rec.verdict());
    Projection nat = row(rec, "native", "djl");
    Projection docker = row(rec, "docker", "djl");
    double paired = Paired.of(cnn(r, "native", "djl"), cnn(r, "docker", "djl")).orElseThrow().ratio();
    assertEquals(Projection.PAIRED, docker.method());
    assertEquals(paired, docker.pairedRatio(), 1e-12);
    assertEquals(nat.hours() * paired, docker.hours(), 1e-9);
    // parity: the two sides' projections agree within the band
    double ratio = docker.hours() / nat.hours();
    assertTrue(ratio >= Decision.BAND_LOW && ratio <= Decision.BAND_HIGH, String.valueOf(ratio));
    assertTrue(rec.projection().stream().noneMatch(p -> Projection.FLOP_RATE.equals(p.method())), rec.projection().toString());
    // its range joins native's and the pair's: wider than native's alone
    assertTrue(docker.hoursHigh() / docker.hoursLow() > nat.hoursHigh() / nat.hoursLow());
  }

  @Test
  void eachRunsRangeHoldsTheTwoRunsMedianAndStaysInformative() throws Exception {
    Projection a = row(Verdict.decide(recorded("plain-doctor-0030"), Workloads.DEFAULT), "native", "python");
    Projection b = row(Verdict.decide(recorded("plain-doctor-0031"), Workloads.DEFAULT), "native", "python");
    double median = (a.hours() + b.hours()) / 2;
    for (Projection p : new Projection[] {a, b}) {
      assertTrue(p.hoursLow() <= median && median <= p.hoursHigh(), p.toString());
      double width = p.hoursHigh() / p.hoursLow();
      assertTrue(width <= 1.3, "p90/p10 " + width);
      // at least what the run-to-run floor alone gives
      assertTrue(width >= Math.exp(2 * Ranges.Z90 * CostModel.RUN_FLOOR) - 1e-9, "p90/p10 " + width);
    }
  }

  @Test
  void theVerdictSaysWhichStackItComparedAndHowToCompareTheUsers() throws Exception {
    Recommendation rec = Verdict.decide(recorded("plain-doctor-0030"), Workloads.DEFAULT);
    assertNotNull(rec.measurement());
    assertEquals(Backend.DJL, rec.measurement().comparedBackend());
    assertEquals(Backend.PYTHON, rec.measurement().userBackend());
    assertFalse(rec.measurement().userBackendCompared());
    // its words, with how to compare the user's stack, are golden/recommend/recorded/bursts/plain-doctor-0030.txt
    assertEquals(List.of(new Cause.OtherStack(Backend.DJL, "docker")),
        Verdict.decision(recorded("plain-doctor-0030")).causes(Cause.OtherStack.class));
    // the projection leads with the user's stack
    assertEquals(Backend.PYTHON, rec.projection().get(0).backend());
  }

  @Test
  void anIntervalWiderThanTenTimesMeansNothing() {
    assertFalse(Ranges.meaningful(1.84e-09, 2.53e+07));
    assertFalse(Ranges.meaningful(23186.0, 520127.0));
    assertFalse(Ranges.meaningful(null, 2.0));
    assertFalse(Ranges.meaningful(Double.NaN, 2.0));
    assertTrue(Ranges.meaningful(0.91, 1.06));
  }
}
