package dev.envdoctor.verify;

import dev.envdoctor.sides.SideCall;
import dev.envdoctor.sides.SidePlan;
import dev.envdoctor.sides.SideRunner;
import dev.envdoctor.calibrate.ProjectionPoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Engine;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.model.StageStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packaged jar with the real DJL engine: verify and calibrate on the native side, CPU here. */
class NativeDjlIT {

  private static CommandResult envdoctor(String... args) {
    return envdoctor(java.util.Map.of(), args);
  }

  private static CommandResult envdoctor(java.util.Map<String, String> env, String... args) {
    List<String> argv = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-jar",
        System.getProperty("envdoctor.jar")));
    argv.addAll(List.of(args));
    return new ProcessRunner().run(CommandSpec.of(Duration.ofSeconds(300), argv).withEnv(env));
  }

  @Test
  void verifyJsonListsCpuVerifiedOnNativeWithItsErrorFigure() throws Exception {
    CommandResult r = envdoctor("verify", "--json", "--runtime", "native", "--backend", "djl");
    assertEquals(0, r.exitCode(), r.stderr());
    Report report = ReportJson.read(r.stdout()); // stdout is the JSON and nothing else
    DeviceResult cpu = report.devices().stream().filter(d -> d.device().equals("cpu")).findFirst().orElseThrow();
    assertEquals("native", cpu.runtime());
    assertEquals(Backend.DJL, cpu.backend());
    assertTrue(cpu.verified());
    assertTrue(cpu.maxAbsError() <= cpu.tolerance() && cpu.maxAbsError() < 1e-4, "error " + cpu.maxAbsError());
    Engine e = report.engines().get(0);
    assertEquals("native", e.runtime());
    assertEquals("2.7.1", e.libtorchVersion());
    assertEquals("cpu", e.flavor());
    assertTrue(report.calibrations().isEmpty(), "verify alone does not calibrate");
    assertTrue(report.stages().stream().anyMatch(s -> s.name().equals("native-djl") && s.status() == StageStatus.OK));
  }

  @Test
  void calibrateJsonGivesEveryFieldForNativeCpu() throws Exception {
    CommandResult r = envdoctor("calibrate", "--json", "--runtime", "native", "--backend", "djl", "--device", "cpu",
        "--quick");
    assertEquals(0, r.exitCode(), r.stderr());
    Report report = ReportJson.read(r.stdout());
    assertEquals(List.of("mlp", "cnn"), report.calibrations().stream().map(Calibration::workload).toList());
    for (Calibration c : report.calibrations()) {
      assertEquals("native", c.runtime());
      assertEquals(Backend.DJL, c.backend());
      assertEquals("cpu", c.device());
      assertNull(c.diagnosis());
      for (Object field : List.of(c.batch(), c.warmupSteps(), c.steps(), c.medianMs(), c.p10Ms(), c.p90Ms(), c.cv(),
          c.samplesPerSecond(), c.achievedGflops(), c.flopsPerStep(), c.threads(), c.wallMs())) {
        assertNotNull(field, c.toString());
      }
      assertEquals(c.steps(), c.stepTimesMs().size());
      assertTrue(c.p10Ms() <= c.medianMs() && c.medianMs() <= c.p90Ms());
      assertTrue(c.threads() >= 1);
    }
    assertEquals(64, report.calibrations().get(0).batch());
    assertEquals(16, report.calibrations().get(1).batch());
    assertEquals(64, report.calibrations().get(1).imgsz());
  }

  @Test
  void consoleVerifyShowsTheSideAndTheFigure() {
    CommandResult r = envdoctor("verify", "--runtime", "native", "--backend", "djl", "--device", "cpu", "--no-color");
    assertEquals(0, r.exitCode(), r.stderr());
    assertTrue(r.stdout().contains("native JVM (DJL)"), r.stdout());
    assertTrue(r.stdout().contains("[✓] cpu computes: max abs error"), r.stdout());
  }

  @Test
  void aBadWorkerArgumentIsOneLineAndExitTwo() {
    CommandResult r = envdoctor("worker", "--device", "tpu");
    assertEquals(2, r.exitCode());
    assertTrue(r.stderr().strip().lines().count() == 1 && r.stderr().contains("unknown device 'tpu'"), r.stderr());
    assertEquals("", r.stdout());
  }

  @Test
  void theConvolutionBackwardCheckIsQuietWhereOneDnnComputesRight() throws Exception {
    // oneDNN limited to SSE4.1 computed right on every machine tried (docs/verify.md, "Known issue")
    CommandResult r = envdoctor(java.util.Map.of("ONEDNN_MAX_CPU_ISA", "SSE41"), "verify", "--json", "--runtime",
        "native", "--backend", "djl", "--device", "cpu");
    DeviceResult cpu = ReportJson.read(r.stdout()).devices().get(0);
    assertTrue(cpu.verified());
    assertNull(cpu.diagnosis());
  }

  /** The worker times the job's own size (after '~') only where the point before it, scaled to its pixels, fits the cap. */
  @Test
  void theWorkerTimesTheOwnSizeOnlyUnderItsCap() {
    for (String cap : List.of("100000", "1")) {
      List<String> argv = new java.util.ArrayList<>(new SelfLauncher(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          SelfLauncher.WORKER_FLAGS, System.getProperty("envdoctor.jar")).prefix());
      argv.addAll(List.of("--device", "cpu", "--steps", "3", "--seconds", "0.1", "--threads", "2"));
      var points = ProjectionPoint.parsePlan(List.of("yolov8n@64x2", "yolov8n@96x2", "yolov8n@128x2~" + cap));
      var run = new SideRunner(new dev.envdoctor.exec.ProcessRunner()).run(SideCall.of(argv, java.time.Duration.ofSeconds(180),
          "native", dev.envdoctor.model.Backend.DJL, SidePlan.calibrating(List.of("mlp")).withPoints(points, points)));
      assertTrue(run.ended(), run.result().stderr());
      var doc = run.out();
      List<Integer> sizes = doc.calibrations().stream().filter(c -> "yolov8n".equals(c.workload()))
          .map(Calibration::imgsz).toList();
      assertEquals(cap.equals("1") ? List.of(64, 96) : List.of(64, 96, 128), sizes, "cap " + cap + " ms");
    }
  }
}
