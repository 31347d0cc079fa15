package dev.envdoctor.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Confidence;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.Tool;
import dev.envdoctor.recommend.RecordedReports;
import dev.envdoctor.recommend.Verdict;
import dev.envdoctor.recommend.Workloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorViewTest {

  private static List<String> render(Report r) {
    ViewContexts v = new ViewContexts(false);
    new DoctorView().print(r, v.ctx);
    return v.text().lines().toList();
  }

  private static List<String> renderDecided(String fixture) {
    Report r = RecordedReports.load(fixture);
    return render(r.withRecommendation(Verdict.decide(r, Workloads.DEFAULT)));
  }

  /** A verdict whose projection has native on {@code nativeBackend} and docker on djl. */
  private static dev.envdoctor.model.Recommendation projected(String nativeBackend) {
    return new dev.envdoctor.model.Recommendation(null, 1.0, List.of(), "v", "r", "d", List.of(),
        dev.envdoctor.recommend.Workloads.DEFAULT, List.of(
            new dev.envdoctor.model.Recommendation.Projection("native", Backend.parse(nativeBackend), "cpu", 3105.0, 3000.0, 3200.0),
            new dev.envdoctor.model.Recommendation.Projection("docker", Backend.DJL, "cpu", 5220.0, 5000.0, 5400.0)),
        List.of(), Confidence.PARITY);
  }

  @Test
  void theProjectionNamesEachSidesStackWhenTheyDiffer() {
    String rough = " (by the cnn calibration's FLOP rate: the rougher path, 1.8–3.2× long on a 2-core CPU;"
        + " yolov8m itself was not timed); the training step alone: its input pipeline and validation were not measured";
    assertEquals("the example job (yolov8m-69k): natively (python) cpu 129.4 days · in docker (djl) cpu 217.5 days" + rough,
        Areas.projectionLine(projected("python")).orElseThrow());
    assertEquals("the example job (yolov8m-69k): natively cpu 129.4 days · in docker cpu 217.5 days" + rough,
        Areas.projectionLine(projected("djl")).orElseThrow());
  }

  /** Issue #29: the line names the lead row's trainer settings and the bound of its job step. */
  @Test
  void theLineNamesTheTrainersSettingsAndTheBoundOfTheLeadRow() {
    var settings = new dev.envdoctor.model.TrainerSettings("ultralytics", 1, 0, "fp32", false, List.of("min(8, 2 - 1)"));
    var parts = new dev.envdoctor.model.Recommendation.Projection.Parts(500.0, 80.0, 0, 580.0, "serial",
        "data loading serial with the step: 14% of each step", 12.0, 100L, List.of("the training step"), List.of());
    var row = dev.envdoctor.model.RecommendationProjectionBuilder.builder(projected("python").projection().get(0))
        .settings(settings).parts(parts).build();
    var rec = dev.envdoctor.model.RecommendationBuilder.builder(projected("python"))
        .projection(List.of(row, projected("python").projection().get(1))).build();
    assertTrue(Areas.projectionLine(rec).orElseThrow().endsWith("; natively (python) as ultralytics trains: 1 thread, data in"
        + " the training process, fp32, data loading serial with the step: 14% of each step, validation included"),
        Areas.projectionLine(rec).orElseThrow());
  }

  /** Issue #25: "your job" only for a job the user stated; doctor's default is the example job. Failed before. */
  @Test
  void aJobTheUserNamedIsTheirsAndTheDefaultIsTheExample() {
    var rec = projected("python");
    var named = new dev.envdoctor.model.Recommendation(null, 1.0, List.of(), "v", "r", "d", List.of(),
        dev.envdoctor.recommend.Workloads.of("mine", "yolov8n", 10, 1000L, 320, 8, null), rec.projection(), List.of(),
        Confidence.PARITY);
    assertTrue(Areas.projectionLine(named).orElseThrow().startsWith("your job (mine): "));
    assertTrue(Areas.projectionLine(rec).orElseThrow().startsWith("the example job (yolov8m-69k): "));
  }

  @Test
  void onAnAppleSiliconMacTheFirstThreeLinesAnswerTheQuestion() {
    List<String> lines = renderDecided(RecordedReports.MAC_M4_DOCKER_DESKTOP);
    assertTrue(lines.get(0).startsWith("[✓] Train natively (python, mps): 11.7× faster than in docker (python, cpu), 95% CI "), lines.get(0));
    assertTrue(lines.get(1).startsWith("    why: Docker on macOS runs Linux in a VM without Metal"), lines.get(1));
    assertTrue(lines.get(2).startsWith("    Deploy: ship a container image (docker)"), lines.get(2));
    assertTrue(lines.get(3).startsWith("    the example job (yolov8m-69k): natively mps 6.3 days"), lines.get(3));
    // the constructed Mac report has no yolov8 calibrations: its line says how it was projected, that it is rough,
    // and which parts of the job were not measured (issue #29)
    assertTrue(lines.get(3).endsWith("(by the cnn calibration's FLOP rate: the rougher path, 1.8–3.2× long on a 2-core"
        + " CPU; yolov8m itself was not timed); the training step alone: its input pipeline and validation were not measured"),
        lines.get(3));
    String text = String.join("\n", lines);
    assertTrue(text.contains("[✓] Host: macOS 15.6.1 arm64 · Apple M4 Pro, 14 threads (10P + 4E) · 48 GiB"), text);
    assertTrue(text.contains("[!] Docker: Docker Desktop (engine 28.5.1) · 8 of 14 CPUs · GPU access none · trains on cpu"), text);
    assertTrue(text.contains("[-] Podman: not installed"), text);
    assertTrue(text.contains("    ! disk-free: 71 GiB free on /, less than 100 GiB — fix: free space"), text);
    assertTrue(text.contains("[•] Took 28.4 s: probe 1.8 s · runtimes 0.9 s · native-djl 7.3 s"), text);
    assertFalse(text.contains("Reports:"), "no report file of this run in the temp --out: " + text);
  }

  @Test
  void theReportFilesOfThisRunAreNamed(@TempDir Path out) throws Exception {
    Report r = RecordedReports.load(RecordedReports.LINUX_CPU_ONLY);
    var files = dev.envdoctor.report.ReportFiles.named(out, r.createdAt());
    Files.writeString(out.resolve("envdoctor-20200101T000000Z.json"), "{}");
    Files.writeString(files.json(), "{}");
    Files.writeString(files.md(), "#");
    ViewContexts v = new ViewContexts(false, out);
    new DoctorView().print(r, v.ctx);
    assertTrue(v.text().contains("[•] Reports: " + files.json() + ", " + files.md()
        + " (`envdoctor report --from` re-renders one)"), v.text());
    assertFalse(v.text().contains("envdoctor-20200101"), v.text());
  }

  @Test
  void onTheNvidiaHostTheVerdictIsParityAndTheDjlFailureShowsItsFix() {
    List<String> lines = renderDecided(RecordedReports.LINUX_NVIDIA_TOOLKIT);
    assertTrue(lines.get(0).startsWith("[✓] Train in docker (python, cuda:0): at parity with native"), lines.get(0));
    assertTrue(lines.get(1).contains("through the NVIDIA runtime: parity within 2%"), lines.get(1));
    String text = String.join("\n", lines);
    assertTrue(text.contains("✗ native djl cuda:0: the JVM worker died") && text.contains("— fix: use the python backend"), text);
  }

  @Test
  void withoutARuntimeTheFailedCheckShowsItsFix() {
    List<String> lines = renderDecided(RecordedReports.LINUX_NO_RUNTIME);
    assertTrue(lines.get(0).startsWith("[✓] Train natively (python, cpu): the only side measured"), lines.get(0));
    String text = String.join("\n", lines);
    assertTrue(text.contains("[✗] Checks: 0 passed, 0 warnings, 1 failed"), text);
    assertTrue(text.contains("✗ container-engine-reachable: neither docker nor podman is installed — fix: install Docker Engine"), text);
  }

  @Test
  void aVerdictTheTimingsCannotSupportIsAWarning() {
    Report r = RecordedReports.load(RecordedReports.LINUX_CPU_ONLY);
    Report loaded = r.withCalibrations(r.calibrations().stream()
        .map(c -> "native".equals(c.runtime()) ? RecordedReports.slower(c, 4) : c).toList());
    List<String> lines = render(loaded.withRecommendation(Verdict.decide(loaded, Workloads.DEFAULT)));
    assertTrue(lines.get(0).startsWith("[!] Train in docker (python, cpu): the timings are too noisy to tell it from native"),
        lines.get(0));
  }

  @Test
  void aPartialReportShowsWhatIsPendingWithoutFailing() {
    Report probedOnly = Report.empty(new Tool("envdoctor", "test"), "2026-11-25T00:00:00Z")
        .withHost(RecordedReports.load(RecordedReports.LINUX_CPU_ONLY).host());
    List<String> lines = render(probedOnly);
    assertTrue(lines.get(0).startsWith("[-] No verdict: the recommend stage did not run"), lines.get(0));
    String text = String.join("\n", lines);
    assertTrue(text.contains("[✓] Host: Debian GNU/Linux 12 (bookworm)"), text);
    assertTrue(text.contains("[-] Accelerators: no GPU (not verified yet)"), text);
    assertTrue(text.contains("[-] Python env: not probed yet"), text);
    assertTrue(text.contains("[-] Container runtimes: not probed yet"), text);
    assertTrue(text.contains("[-] Checks: no profile checked yet"), text);
    assertTrue(!text.contains("[✗]"), text);
  }

  @Test
  void theHostLineNamesTheVmProductWhereItIsKnown() {
    dev.envdoctor.model.Host h = RecordedReports.load(RecordedReports.LINUX_CPU_ONLY).host();
    Report probedOnly = Report.empty(new Tool("envdoctor", "test"), "2026-11-25T00:00:00Z")
        .withHost(new dev.envdoctor.model.Host(h.os(), h.cpu(), h.memory(), h.disks(), h.gpus(), h.power(),
            new dev.envdoctor.model.Virtualization("kvm", null, "Firecracker")));
    String text = String.join("\n", render(probedOnly));
    assertTrue(text.contains(" · VM kvm (Firecracker)"), text);
  }

  @Test
  void aPartialReportWithTheVerdictStageRunSaysWhatToRun() {
    Report empty = Report.empty(new Tool("envdoctor", "test"), "2026-11-25T00:00:00Z");
    List<String> lines = render(empty.withRecommendation(Verdict.decide(empty, Workloads.DEFAULT)));
    assertEquals("[!] No verdict yet: no calibrations. Run `envdoctor calibrate` (or `envdoctor doctor`) to time "
        + "training steps natively and in each container runtime.", lines.get(0));
    assertTrue(lines.get(1).startsWith("    missing: no calibrations[]"), lines.get(1));
  }

  /** The doctor line and the verify view agree: a named Python fails only when torch does not import. */
  @Test
  void aNamedPythonWithCpuOnlyTorchWarnsAndOneWithoutTorchFails() {
    Report r = RecordedReports.load(RecordedReports.LINUX_NVIDIA_TOOLKIT);
    var cpuOnly = new dev.envdoctor.model.PythonEnv("/v/bin/python3", "3.12.3", "x86_64", true, "VIRTUAL_ENV",
        new dev.envdoctor.model.PythonEnv.Torch("2.11.0+cpu", null, null, null),
        "torch 2.11.0+cpu is a CPU-only build, but this host has an NVIDIA H100", "install a CUDA build of torch");
    var noTorch = new dev.envdoctor.model.PythonEnv("/v/bin/python3", "3.12.3", "x86_64", true, "VIRTUAL_ENV", null,
        "torch is not installed in this Python (/v/bin/python3)", "install it there");
    assertEquals(dev.envdoctor.run.Console.Mark.WARN, pythonLine(r.withPython(cpuOnly)).mark());
    assertEquals(dev.envdoctor.run.Console.Mark.FAIL, pythonLine(r.withPython(noTorch)).mark());
  }

  private static Areas.Line pythonLine(Report r) {
    return Areas.of(r).stream().filter(l -> l.text().startsWith("Python env:")).findFirst().orElseThrow();
  }

  /**
   * The example job is the one nobody stated, not the one named yolov8m-69k: `--profile yolov8m-69k`
   * states that very job. Failed before (chosen by name: "the example job (yolov8m-69k)").
   */
  @Test
  void aProfileThatStatesTheExamplesJobIsTheUsersJob() {
    var fromProfile = new dev.envdoctor.cli.WorkloadOptions().resolve("yolov8m-69k");
    assertEquals("yolov8m-69k", fromProfile.name());
    assertEquals("your job (yolov8m-69k)", Areas.job(fromProfile));
    assertEquals("the example job (yolov8m-69k)", Areas.job(new dev.envdoctor.cli.WorkloadOptions().resolve(null)));
    assertTrue(dev.envdoctor.calibrate.ProjectionPlan.everyBackend(fromProfile, false), "a stated job: every backend times it");
  }
}
