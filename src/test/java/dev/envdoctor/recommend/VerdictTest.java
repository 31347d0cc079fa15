package dev.envdoctor.recommend;

import static dev.envdoctor.recommend.RecordedReports.LINUX_CPU_ONLY;
import static dev.envdoctor.recommend.RecordedReports.LINUX_NO_RUNTIME;
import static dev.envdoctor.recommend.RecordedReports.LINUX_NVIDIA_TOOLKIT;
import static dev.envdoctor.recommend.RecordedReports.MAC_M4_DOCKER_DESKTOP;
import static dev.envdoctor.recommend.RecordedReports.MAC_ROSETTA_JVM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.calibrate.stats.Decision;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Confidence;
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Recommendation.Choice;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeStatus;
import dev.envdoctor.recommend.VerdictDecision.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VerdictTest {

  private static Recommendation decide(String fixture) {
    return Verdict.decide(RecordedReports.load(fixture), Workloads.DEFAULT);
  }

  private static void assertTrains(Recommendation rec, String runtime, String backend, String device) {
    assertEquals(new Choice(runtime, Backend.parse(backend), device), rec.train(), rec.verdict());
  }

  private static VerdictDecision decision(String fixture) {
    return Verdict.decision(RecordedReports.load(fixture));
  }

  /** The words of each of these decisions are golden/recommend/reports/*.txt (RecommendGoldenTest). */
  @Test
  void appleSiliconWithDockerDesktopTrainsNativelyOnMps() {
    Recommendation rec = decide(MAC_M4_DOCKER_DESKTOP);
    assertTrains(rec, "native", "python", "mps");
    VerdictDecision d = decision(MAC_M4_DOCKER_DESKTOP);
    assertEquals(Kind.CLEAR, d.kind());
    assertEquals(Confidence.CLEAR, rec.confidence());
    assertEquals(List.of("docker", Backend.PYTHON, "cpu"), List.of(d.compared().b().runtime(), d.compared().b().backend(),
        d.compared().b().device()), "against docker's best");
    assertTrue(d.speed().ratio() > 10 && d.speed().ratio() < 13, d.speed().toString());
    assertEquals(d.speed().ratio(), rec.speedup());
    assertTrue(d.speed().low() > 1 && d.speed().low() < d.speed().ratio() && d.speed().ratio() < d.speed().high(),
        d.speed().toString());
    assertEquals(List.of(d.speed().low(), d.speed().high()), rec.speedupCi95());
    assertNull(d.paired(), "no interleaved bursts: one run per side decided");
    assertEquals(List.of(new Cause.MacVmWithoutMetal("docker"), new Cause.CpuShare("docker", true, 8, 14)), d.causes());
  }

  @Test
  void nvidiaToolkitHostTrainsInTheContainerAtParity() {
    Recommendation rec = decide(LINUX_NVIDIA_TOOLKIT);
    assertTrains(rec, "docker", "python", "cuda:0");
    VerdictDecision d = decision(LINUX_NVIDIA_TOOLKIT);
    assertEquals(Kind.PARITY, d.kind());
    assertEquals(Confidence.PARITY, rec.confidence());
    assertTrue(Decision.inBand(d.speed().ratio()) && !d.speed().spansOne(), d.speed().toString());
    Cause.GpuPath path = d.causes(Cause.GpuPath.class).get(0);
    assertEquals(List.of(new Cause.GpuPath("nvidia-runtime", path.gap())), d.causes());
    assertGap(Cause.Gap.Kind.PARITY, d, path.gap());
    assertEquals("parity within 2%", CauseWords.gap(path.gap()));
  }

  @Test
  void cpuOnlyLinuxShowsNoMeasurableDifferenceAndPrefersTheContainer() {
    Recommendation rec = decide(LINUX_CPU_ONLY);
    assertTrains(rec, "docker", "python", "cpu");
    VerdictDecision d = decision(LINUX_CPU_ONLY);
    assertEquals(Kind.NO_MEASURABLE_DIFFERENCE, d.kind());
    assertTrue(d.speed().spansOne(), d.speed().toString());
    Cause.SharedKernel shared = d.causes(Cause.SharedKernel.class).get(0);
    assertEquals(List.of(new Cause.SharedKernel("docker", 20, shared.gap())), d.causes());
    assertGap(Cause.Gap.Kind.NO_MEASURABLE_DIFFERENCE, d, shared.gap());
  }

  @Test
  void withoutAContainerRuntimeTrainsNativelyAndSaysWhatToInstall() {
    Recommendation rec = decide(LINUX_NO_RUNTIME);
    assertTrains(rec, "native", "python", "cpu");
    assertNull(rec.speedup());
    assertTrue(rec.speedupCi95().isEmpty());
    assertEquals(Confidence.ONE_SIDE, rec.confidence());
    VerdictDecision d = decision(LINUX_NO_RUNTIME);
    assertEquals(Kind.ONE_SIDE, d.kind());
    assertNull(d.compared());
    assertEquals(List.of(new Cause.OnlyMeasured("native", List.of(new Cause.OnlyMeasured.Tried("docker", false, RuntimeStatus.NOT_INSTALLED),
        new Cause.OnlyMeasured.Tried("podman", false, RuntimeStatus.NOT_INSTALLED)), List.of(), true)), d.causes());
  }

  @Test
  void rosettaJvmStillTrainsNativelyWithPythonsMpsAndSaysWhyDjlHasNone() {
    Recommendation rec = decide(MAC_ROSETTA_JVM);
    assertTrains(rec, "native", "python", "mps");
    VerdictDecision d = decision(MAC_ROSETTA_JVM);
    assertEquals(Kind.CLEAR, d.kind());
    assertFalse(d.compared().sameBackend(), "python natively, djl in docker: different stacks");
    assertEquals(List.of(new Cause.MacVmWithoutMetal("docker"), new Cause.CpuShare("docker", true, 6, 12), new Cause.RosettaJvm(),
        new Cause.OtherStack(Backend.DJL, "docker")), d.causes());
  }

  /**
   * Constructed from the NVIDIA toolkit host: docker's GPU figures 7% slower than native's, clear of
   * 1 but inside the parity band. The verdict used its own 5% band before (PARITY = 0.05) and called
   * native 1.07x faster; with the one band of Decision it is parity, and the container is preferred.
   */
  @Test
  void aSevenPercentDifferenceWithoutPairsIsInsideTheOneParityBand() {
    Report r = RecordedReports.load(LINUX_NVIDIA_TOOLKIT);
    double nativeMs = r.calibrations().stream().filter(c -> "native".equals(c.runtime()) && "cuda:0".equals(c.device())
        && "cnn".equals(c.workload())).findFirst().orElseThrow().medianMs();
    Report slower = r.withCalibrations(r.calibrations().stream().map(c -> "docker".equals(c.runtime())
        && "cuda:0".equals(c.device()) && "cnn".equals(c.workload()) ? RecordedReports.slower(c, 1.07 * nativeMs / c.medianMs()) : c)
        .toList());
    VerdictDecision d = Verdict.decision(slower);
    assertEquals(1.07, 1 / d.speed().ratio(), 1e-3);
    assertFalse(d.speed().spansOne(), d.speed().toString());
    assertEquals(Kind.PARITY, d.kind(), d.toString());
    assertEquals("docker", d.train().runtime());
  }

  /** The gap a cause cites is the comparison's, native's speed over the container's. */
  static void assertGap(Cause.Gap.Kind kind, VerdictDecision d, Cause.Gap gap) {
    assertEquals(kind, gap.kind());
    double nativeOverBox = d.nativeTrains() ? d.speed().ratio() : 1 / d.speed().ratio();
    assertEquals(nativeOverBox, gap.nativeOverBox(), 1e-12);
  }

  static List<String> fixtures() {
    return RecordedReports.ALL;
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void theVerdictIsAPureFunctionOfTheReport(String fixture) {
    Report r = RecordedReports.load(fixture);
    assertEquals(Verdict.decide(r, Workloads.DEFAULT), Verdict.decide(r, Workloads.DEFAULT));
    assertEquals(RecordedReports.load(fixture), r);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void theEvidenceCitesEveryUsableCalibrationAndTheChoiceAtRatioOne(String fixture) {
    Recommendation rec = decide(fixture);
    long usable = RecordedReports.load(fixture).calibrations().stream().filter(c -> "cnn".equals(c.workload())).count();
    assertEquals(usable, rec.evidence().size());
    assertTrue(rec.evidence().stream().anyMatch(e -> e.runtime().equals(rec.train().runtime())
        && e.device().equals(rec.train().device()) && Math.abs(e.ratio() - 1) < 1e-12), rec.evidence().toString());
  }
}
