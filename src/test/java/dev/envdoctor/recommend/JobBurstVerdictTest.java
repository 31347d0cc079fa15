package dev.envdoctor.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Burst;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.CalibrationBuilder;
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Recommendation.Projection;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.model.TrainerSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue #29, item 6: for a job the user named, the verdict's paired bursts time the job's own network in
 * each side's trainer settings, and the containers' rows follow those pairs. On a real recording of the
 * development VM with Docker and Podman (recorded/job-bursts/SOURCES.md).
 */
class JobBurstVerdictTest {

  private static final Path RECORDING = Path.of("src/test/resources/recorded/job-bursts/recommend-yolov8n-320x8-ultralytics.json");

  private static Report report() throws Exception {
    return ReportJson.read(RECORDING);
  }

  private static Calibration jobStep(Report r, String runtime, Backend backend) {
    return r.calibrations().stream().filter(c -> runtime.equals(c.runtime()) && c.backend() == backend
        && "yolov8n@64x2".equals(c.workload())).findFirst().orElseThrow();
  }

  @Test
  void theVerdictComparesTheJobsOwnStepWhereEverySideTimedIt() throws Exception {
    Report r = report();
    assertEquals("yolov8n@64x2", Sides.of(r).workload(), "the job's step, not the cnn, every side having timed it");
    Recommendation rec = Verdict.decide(r, r.recommendation().workload());
    rec.evidence().forEach(e -> assertEquals("yolov8n@64x2", e.workload(), e.toString()));
    for (String runtime : List.of("native", "docker", "podman")) {
      Calibration c = jobStep(r, runtime, Backend.DJL);
      assertTrue(c.bursts().size() > 2, runtime + " took turns: " + c.bursts().size());
      // the trainer's threads as that side saw its CPUs (Ultralytics: min(8, CPUs - 1)), from its own bursts' account
      int cpus = c.allowance() != null && c.allowance().affinityCpus() != null ? c.allowance().affinityCpus()
          : jobStep(r, "native", Backend.DJL).allowance().affinityCpus();
      assertEquals(Math.min(8, Math.max(1, cpus - 1)), c.threads(), runtime);
      assertEquals("fp32", c.precision(), runtime + ": Ultralytics trains float32 on a CPU");
    }
  }

  /**
   * Each container's row is native DJL's row × their paired ratio, and that ratio is what the bursts say,
   * worked out here from the rounds' medians independently of PairedRatio (a geometric mean over the rounds
   * both timed after the warm-up one; PairedRatio may leave contended rounds out, so within 5%).
   */
  @Test
  void theContainersRowsFollowTheJobStepsPairs() throws Exception {
    Report r = report();
    Recommendation rec = Verdict.decide(r, r.recommendation().workload());
    Projection nat = row(rec, "native", Backend.DJL);
    for (String runtime : List.of("docker", "podman")) {
      Projection p = row(rec, runtime, Backend.DJL);
      assertEquals(Projection.PAIRED, p.method(), p.basis());
      assertNotNull(p.pairedRatio());
      assertEquals(nat.hours() * p.pairedRatio(), p.hours(), 1e-9 * p.hours());
      double independent = geometricMeanOfRounds(jobStep(r, "native", Backend.DJL), jobStep(r, runtime, Backend.DJL));
      assertEquals(independent, p.pairedRatio(), 0.05 * independent, runtime);
      // the row says how it was timed: native's parts × the ratio, at this side's own job step's threads
      assertEquals(nat.parts().jobStepMs() * p.pairedRatio(), p.parts().jobStepMs(), 1e-9 * p.parts().jobStepMs());
      assertEquals(jobStep(r, runtime, Backend.DJL).threads(), p.settings().threads(), runtime);
      assertEquals(nat.settings().trainer(), p.settings().trainer());
    }
  }

  private static Projection row(Recommendation rec, String runtime, Backend backend) {
    return rec.projection().stream().filter(p -> runtime.equals(p.runtime()) && p.backend() == backend).findFirst().orElseThrow();
  }

  /** How many times faster a is than b: the geometric mean over rounds of b's median step over a's (same work). */
  private static double geometricMeanOfRounds(Calibration a, Calibration b) {
    Map<Integer, Double> am = medians(a);
    Map<Integer, Double> bm = medians(b);
    List<Double> logs = new ArrayList<>();
    am.forEach((round, ms) -> {
      if (round > 0 && bm.containsKey(round)) {
        logs.add(Math.log(bm.get(round) / ms));
      }
    });
    return Math.exp(logs.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
  }

  private static Map<Integer, Double> medians(Calibration c) {
    Map<Integer, Double> m = new TreeMap<>();
    for (Burst b : c.bursts()) {
      List<Double> s = b.stepTimesMs().stream().sorted().toList();
      if (!s.isEmpty()) {
        m.put(b.round(), s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2);
      }
    }
    return m;
  }

  /**
   * Constructed calibrations (no recording: a Mac with a Linux container is not this machine): native timed
   * the job's step on MPS at its GPU point, the container on its CPU at 64 px × 2; no point is common to
   * both, so the verdict keeps the cnn both calibrated.
   */
  @Test
  void constructedSidesWhoseJobPointsDifferKeepTheCnn() throws Exception {
    Report r = report();
    List<Calibration> cs = List.of(
        constructed("native", "mps", "cnn", 2.0), constructed("docker", "cpu", "cnn", 20.0),
        constructed("native", "mps", "yolov8n@160x8", 30.0), constructed("docker", "cpu", "yolov8n@64x2", 80.0));
    assertEquals("cnn", Sides.of(r.withCalibrations(cs)).workload());
    List<Calibration> both = new ArrayList<>(cs);
    both.add(constructed("native", "cpu", "yolov8n@64x2", 75.0));
    assertEquals("yolov8n@64x2", Sides.of(r.withCalibrations(both)).workload(), "both sides timed the CPU point");
  }

  /** A container that sees fewer CPUs than the host: its row says the threads its own job step ran at (constructed). */
  @Test
  void constructedContainerWithFewerCpusSaysItsOwnThreads() {
    TrainerSettings host = TrainerSettings.of("ultralytics", "yolov8n", "cpu", null, 0, 8, 1, 8, TrainerSettings.Overrides.NONE);
    assertEquals(7, host.threads());
    Calibration box = CalibrationBuilder.builder(constructed("docker", "cpu", "yolov8n@64x2", 90.0)).threads(3).precision("fp32").build();
    TrainerSettings s = ScaledRows.settingsOf(host, box);
    assertEquals(3, s.threads());
    assertEquals(host.workers(), s.workers());
    assertTrue(s.why().get(s.why().size() - 1).contains("3 threads"), s.why().toString());
    assertEquals(host, ScaledRows.settingsOf(host, CalibrationBuilder.builder(box).workload("cnn").build()), "a cnn says nothing of the trainer");
    assertEquals(host, ScaledRows.settingsOf(host, CalibrationBuilder.builder(box).threads(7).build()), "the same threads: native's");
  }

  private static Calibration constructed(String runtime, String device, String workload, double ms) {
    return CalibrationBuilder.builder().runtime(runtime).backend(Backend.PYTHON).device(device).workload(workload)
        .batch(2).medianMs(ms).steps(5).stepTimesMs(List.of(ms, ms, ms, ms, ms)).flopsPerStep(1e9).bursts(List.of()).build();
  }
}
