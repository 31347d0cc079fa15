package dev.envdoctor.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.calibrate.stats.Dispersion;
import dev.envdoctor.model.Burst;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.recommend.Measured;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** compare on recorded interleaved-burst reports of the development VM (recorded/bursts/SOURCES.md). */
class CompareBurstsTest {

  private static Report load(String name) throws Exception {
    return ReportJson.read(Path.of("src/test/resources/recorded/bursts").resolve(name));
  }

  /** The calibration of BASE's or OTHER's report that the row {@code s} compares. */
  private static Calibration cnn(Report r, StepTimeRatio s) {
    return r.calibrations().stream().filter(c -> c.runtime().equals(s.runtime()) && c.backend().equals(s.backend())
        && c.device().equals(s.device()) && c.workload().equals(s.workload())).findFirst().orElseThrow();
  }

  @Test
  void aReportAgainstItselfShowsNoDifferenceWithinBothSpreads() throws Exception {
    Report r = load("docker-native-cgroup-half-contended.json");
    Comparison c = Comparer.compare(r, r, "BASE", "OTHER");
    assertFalse(c.ratios().isEmpty());
    for (StepTimeRatio s : c.ratios()) {
      assertEquals(StepTimeRatio.BURSTS, s.basis());
      assertEquals(1.0, s.ratio(), 1e-12);
      assertTrue(s.low() < 1 && s.high() > 1, s.toString());
      assertFalse(s.measurable());
    }
  }

  @Test
  void theIntervalCombinesBothReportsSpreads() throws Exception {
    Report base = load("docker-native-cgroup-half-contended.json");
    Report other = load("docker-native-contended-java.json");
    StepTimeRatio s = Comparer.compare(base, other, "BASE", "OTHER").ratios().stream()
        .filter(x -> x.runtime().equals("native")).findFirst().orElseThrow();
    Calibration cb = base.calibrations().stream().filter(c -> c.runtime().equals("native")).findFirst().orElseThrow();
    Calibration co = other.calibrations().stream().filter(c -> c.runtime().equals("native")).findFirst().orElseThrow();
    // by hand: the sd of the log burst medians after round 0; OTHER has one burst only, so it borrows BASE's
    // each burst's median, its mean where a quota throttled it (this native side's were)
    List<Double> logs = cb.bursts().stream().filter(b -> b.round() > 0)
        .map(b -> Math.log(b.nrThrottled() != null && b.nrThrottled() > 0 && b.meanMs() != null ? b.meanMs() : b.medianMs()))
        .toList();
    double mean = logs.stream().mapToDouble(x -> x).average().orElseThrow();
    double sd = Math.sqrt(logs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (logs.size() - 1));
    assertEquals(sd, Dispersion.sdLog(cb.bursts()), 1e-12);
    assertEquals(null, Dispersion.sdLog(co.bursts()), "one burst after round 0: no spread of its own");
    // BASE's native side was throttled by its quota: both figures are their steps' means
    assertTrue(cb.allowance().nrThrottled() > 0);
    double ratio = co.stepTimesMs().stream().mapToDouble(x -> x).average().orElseThrow()
        / cb.stepTimesMs().stream().mapToDouble(x -> x).average().orElseThrow();
    assertEquals(ratio, s.ratio(), 1e-12);
    assertEquals(ratio * Math.exp(-1.959964 * Math.sqrt(2 * sd * sd)), s.low(), 1e-9);
    assertEquals(ratio * Math.exp(1.959964 * Math.sqrt(2 * sd * sd)), s.high(), 1e-9);
  }

  @Test
  void contentionInEitherReportIsNamedAsTheLikelyCause() throws Exception {
    Report base = load("docker-native-cgroup-half-contended.json");
    Report other = load("docker-native-contended-java.json");
    Comparison c = Comparer.compare(base, other, "BASE", "OTHER");
    StepTimeRatio s = c.ratios().get(0);
    assertEquals(StepTimeRatio.contention(cnn(base, s), "BASE", cnn(other, s), "OTHER"), s.contention(), "both reports' load");
    assertNotNull(Measured.contention(List.of(cnn(base, s))));
    assertNotNull(Measured.contention(List.of(cnn(other, s))));
    assertFalse(c.ratios().stream().anyMatch(StepTimeRatio::measurable), "contended rows claim no difference");
    CompareDecision d = CompareVerdict.decide(base, other);
    assertEquals(CompareDecision.Kind.NO_MEASURABLE_DIFFERENCE, d.kind());
    assertEquals(c.ratios().stream().filter(r -> r.contention() != null).toList(), d.contended(), "named in the line (golden)");
    assertFalse(d.contended().isEmpty());
  }

  @Test
  void reportsWithoutBurstsKeepTheBootstrapOverStepTimes() throws Exception {
    Report mac = ReportJson.read(Path.of("src/test/resources/reports/mac-m4-docker-desktop.json"));
    for (StepTimeRatio s : Comparer.compare(mac, mac, "BASE", "OTHER").ratios()) {
      assertEquals(StepTimeRatio.STEP_TIMES, s.basis());
      assertEquals(null, s.contention());
    }
    assertEquals(List.<Burst>of(), mac.calibrations().get(0).bursts());
  }

  @Test
  void aNetworkTimedOncePerRunTakesItsSidesBurstSpread() throws Exception {
    Report base = load("plain-doctor-0030.json");
    Report other = load("plain-doctor-0031.json");
    List<StepTimeRatio> yolo = Comparer.compare(base, other, "BASE", "OTHER").ratios().stream()
        .filter(x -> x.workload().startsWith("yolov8")).toList();
    assertFalse(yolo.isEmpty(), "the projection's network is compared too");
    for (StepTimeRatio s : yolo) {
      Calibration burstsB = base.calibrations().stream().filter(c -> !c.bursts().isEmpty()
          && c.runtime().equals(s.runtime()) && c.backend().equals(s.backend())).findFirst().orElseThrow();
      Calibration burstsO = other.calibrations().stream().filter(c -> !c.bursts().isEmpty()
          && c.runtime().equals(s.runtime()) && c.backend().equals(s.backend())).findFirst().orElseThrow();
      double sb = Dispersion.sdLog(burstsB.bursts());
      double so = Dispersion.sdLog(burstsO.bursts());
      assertEquals(StepTimeRatio.BURSTS, s.basis(), s.toString());
      assertEquals(s.ratio() * Math.exp(-1.959964 * Math.sqrt(sb * sb + so * so)), s.low(), 1e-9);
      // two runs seconds apart on a quiet machine: the step times alone called this 1.32× (1.12-1.40)
      assertFalse(s.measurable(), s.toString());
    }
  }

  @Test
  void halfACpuNativelyMakesEveryNativeRowSlowerAndIsNamed() throws Exception {
    Report base = load("plain-doctor-0031.json");
    Report other = load("plain-doctor-half-cpu.json");
    Comparison c = Comparer.compare(base, other, "BASE", "OTHER");
    List<StepTimeRatio> nat = c.ratios().stream().filter(r -> r.runtime().equals("native")).toList();
    assertEquals(3, nat.size(), "DJL cnn, Python cnn, Python yolov8m");
    for (StepTimeRatio r : nat) {
      // the quota throttled OTHER's native side: the rows read the steps' means (a median hides the stalls)
      assertTrue(r.ratio() >= 1.3 && r.low() > 1 && r.measurable(), r.toString());
    }
    CompareDecision d = CompareVerdict.decide(base, other);
    assertEquals(CompareDecision.Kind.OTHER_SLOWER, d.kind());
    assertEquals("native", d.headline().runtime());
    CompareDecision.Cause.Allowance a = (CompareDecision.Cause.Allowance) d.cause();
    assertEquals(2.0, a.base().effectiveCpus());
    assertEquals(0.5, a.other().effectiveCpus());
    assertEquals("cgroup quota", a.other().limitedBy());
    assertTrue(a.otherDuring().nrThrottled() > 0, a.toString());
  }
}
