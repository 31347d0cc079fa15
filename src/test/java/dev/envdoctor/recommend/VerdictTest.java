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
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Recommendation.Choice;
import dev.envdoctor.model.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VerdictTest {

  private static Recommendation decide(String fixture) {
    return Verdict.decide(RecordedReports.load(fixture), Workloads.DEFAULT);
  }

  private static void assertTrains(Recommendation rec, String runtime, String backend, String device) {
    assertEquals(new Choice(runtime, backend, device), rec.train(), rec.verdict());
  }

  @Test
  void appleSiliconWithDockerDesktopTrainsNativelyOnMps() {
    Recommendation rec = decide(MAC_M4_DOCKER_DESKTOP);
    assertTrains(rec, "native", "python", "mps");
    assertTrue(rec.speedup() > 10 && rec.speedup() < 13, rec.verdict());
    assertTrue(rec.speedupCi95().get(0) > 1 && rec.speedupCi95().get(0) < rec.speedup()
        && rec.speedup() < rec.speedupCi95().get(1), rec.speedupCi95().toString());
    assertTrue(rec.verdict().startsWith("Train natively (python, mps): 11.7× faster than in docker (python, cpu)"), rec.verdict());
    assertEquals(Recommendation.CLEAR, rec.confidence());
    assertTrue(rec.reason().contains("Docker on macOS runs Linux in a VM without Metal: the container trains on CPU only"), rec.reason());
    assertTrue(rec.reason().contains("the Docker VM has 8 of 14 CPUs"), rec.reason());
    assertDeploymentSeparate(rec);
  }

  @Test
  void nvidiaToolkitHostTrainsInTheContainerAtParity() {
    Recommendation rec = decide(LINUX_NVIDIA_TOOLKIT);
    assertTrains(rec, "docker", "python", "cuda:0");
    assertTrue(rec.reason().contains("the container reaches the GPU through the NVIDIA runtime: parity within 2%"), rec.reason());
    assertTrue(rec.verdict().contains("at parity with native") && rec.verdict().contains("prefer the container"), rec.verdict());
    assertTrue(Decision.inBand(rec.speedup()), rec.verdict());
    assertEquals(Recommendation.PARITY, rec.confidence());
    assertDeploymentSeparate(rec);
  }

  @Test
  void cpuOnlyLinuxShowsNoMeasurableDifferenceAndPrefersTheContainer() {
    Recommendation rec = decide(LINUX_CPU_ONLY);
    assertTrains(rec, "docker", "python", "cpu");
    assertTrue(rec.speedupCi95().get(0) <= 1 && rec.speedupCi95().get(1) >= 1, rec.speedupCi95().toString());
    assertTrue(rec.verdict().contains("no measurable difference from native"), rec.verdict());
    assertTrue(rec.reason().contains("Docker containers share the host's kernel and all 20 CPUs"), rec.reason());
    assertFalse(rec.reason().contains("VM"), rec.reason());
    assertDeploymentSeparate(rec);
  }

  @Test
  void withoutAContainerRuntimeTrainsNativelyAndSaysWhatToInstall() {
    Recommendation rec = decide(LINUX_NO_RUNTIME);
    assertTrains(rec, "native", "python", "cpu");
    assertNull(rec.speedup());
    assertTrue(rec.speedupCi95().isEmpty());
    assertEquals(Recommendation.ONE_SIDE, rec.confidence());
    assertTrue(rec.verdict().contains("the only side measured"), rec.verdict());
    assertTrue(rec.verdict().contains("install Docker Engine or Podman"), rec.verdict());
    assertTrue(rec.reason().contains("docker is not-installed, podman is not-installed"), rec.reason());
    assertTrue(rec.deployment().contains("install Docker Engine or Podman"), rec.deployment());
  }

  @Test
  void rosettaJvmStillTrainsNativelyWithPythonsMpsAndSaysWhyDjlHasNone() {
    Recommendation rec = decide(MAC_ROSETTA_JVM);
    assertTrains(rec, "native", "python", "mps");
    assertTrue(rec.reason().contains("the JVM is x86-64 under Rosetta: no MPS for DJL"), rec.reason());
    assertTrue(rec.reason().contains("the Docker VM has 6 of 12 CPUs"), rec.reason());
    assertTrue(rec.assumptions().stream().anyMatch(a -> a.contains("different stacks")), rec.assumptions().toString());
    assertFalse(rec.reason().contains("Python env"), rec.reason());
  }

  static java.util.List<String> fixtures() {
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

  private static void assertDeploymentSeparate(Recommendation rec) {
    assertTrue(rec.deployment().startsWith("Deploy: ship a container image (docker"), rec.deployment());
    assertFalse(rec.verdict().contains("Deploy"), rec.verdict());
  }
}
