package dev.envdoctor.python;

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
import dev.envdoctor.model.Peak;
import dev.envdoctor.model.PythonEnv;
import dev.envdoctor.testing.ThisMachine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import dev.envdoctor.protocol.WorkerOutput;
import org.junit.jupiter.api.Test;

/** envdoctor_torch.py in a real Python with a real torch (Debian's python3-torch at /usr/bin/python3). */
class PythonScriptIT {

  static final Path TORCH_PYTHON = Path.of("/usr/bin/python3");
  private final PythonBackend backend = new PythonBackend(new ProcessRunner());

  private ScriptOutput run(List<String> modes, String... options) {
    PythonBackend.Run run = ScriptRuns.run(backend, TORCH_PYTHON, modes, List.of(options), Duration.ofSeconds(120));
    assertTrue(run.parsed(), run.result().describe() + " / " + run.notOurs() + "\n" + run.result().stderr());
    return run.output();
  }

  @Test
  void verifyComputesOnTheCpuAndStatesTheError() {
    ScriptOutput out = run(List.of("verify"), "--device", "cpu");
    assertEquals(WorkerOutput.PROTOCOL, out.worker().protocol());
    assertEquals("torch", out.worker().engine().name());
    assertEquals(ThisMachine.torchVersion(TORCH_PYTHON.toString()), out.worker().engine().version(), "its torch.__version__");
    assertEquals("cpu", out.worker().engine().flavor());
    DeviceResult cpu = out.worker().devices().get(0);
    assertEquals("cpu", cpu.device());
    assertEquals(Boolean.TRUE, cpu.verified());
    // float32 against the float64 reference: a real, small, non-zero difference
    assertTrue(cpu.maxAbsError() > 0 && cpu.maxAbsError() <= cpu.tolerance(), String.valueOf(cpu.maxAbsError()));
    assertEquals(1e-3, cpu.tolerance());
    assertEquals("/usr/bin/python3", out.python().executable());
    assertEquals(Boolean.FALSE, out.python().torch().mps().built());
  }

  /**
   * The BLAS this torch multiplies with, against Debian's own answer: the alternative that
   * libblas.so.3 resolves to (reference BLAS in .../blas/, OpenBLAS in .../openblas-pthread/, ...).
   */
  @Test
  void reportsTheBlasLibraryTheSystemSelected() throws java.io.IOException {
    PythonEnv.Blas blas = run(List.of("probe")).python().torch().blas();
    String buildInfo = ThisMachine.python(TORCH_PYTHON.toString(),
        "import re, torch; print(re.search(r'BLAS_INFO=([\\w.+-]+)', torch.__config__.show()).group(1))");
    assertEquals(buildInfo, blas.info(), "torch's own build setting");
    assertEquals("generic", blas.info(), "the test's premise: Debian's python3-torch calls the system's libblas.so.3");
    String multiarch = ThisMachine.python(TORCH_PYTHON.toString(), "import sysconfig; print(sysconfig.get_config_var('MULTIARCH'))");
    Path selected = Path.of("/usr/lib", multiarch, "libblas.so.3").toRealPath();
    assertEquals(selected.toString(), blas.library());
    assertEquals(selected.getParent().getFileName().toString().equals("blas"), blas.reference(), selected.toString());
  }

  @Test
  void calibrateGivesEveryFieldOfEveryRun() {
    ScriptOutput out = run(List.of("calibrate"), "--device", "cpu", "--steps", "6", "--min-steps", "6",
        "--seconds", "0.2", "--warmup-max", "3", "--threads", "1");
    List<Calibration> cals = out.worker().calibrations();
    assertEquals(List.of("mlp", "cnn"), cals.stream().map(Calibration::workload).toList());
    for (Calibration c : cals) {
      assertEquals(Backend.PYTHON, c.backend());
      assertEquals("cpu", c.device());
      for (Object field : new Object[] {c.batch(), c.warmupSteps(), c.steps(), c.medianMs(), c.p10Ms(), c.p90Ms(),
          c.cv(), c.samplesPerSecond(), c.achievedGflops(), c.flopsPerStep(), c.threads(), c.wallMs()}) {
        assertNotNull(field, c.toString());
      }
      assertNull(c.diagnosis());
      assertEquals(6, c.steps());
      assertEquals(6, c.stepTimesMs().size());
      assertEquals(1, c.threads());
      assertTrue(c.warmupSteps() >= 1 && c.warmupSteps() <= 3, c.toString());
      assertTrue(c.p10Ms() <= c.medianMs() && c.medianMs() <= c.p90Ms(), c.toString());
      assertEquals(c.batch() / (c.medianMs() / 1000), c.samplesPerSecond(), 1e-6);
      assertEquals(c.flopsPerStep() / (c.medianMs() / 1000) / 1e9, c.achievedGflops(), 1e-6);
      assertTrue(c.wallMs() >= c.stepTimesMs().stream().mapToDouble(Double::doubleValue).sum(), c.toString());
    }
    assertEquals(64, cals.get(0).batch());
    assertEquals(16, cals.get(1).batch());
    assertEquals(64, cals.get(1).imgsz());
    // independent count, layer by layer (2 FLOPs per MAC, training step = 3 x forward):
    // mlp 784x512 + 512x512 + 512x10 MACs per sample, batch 64
    assertEquals(3.0 * 2 * (784 * 512 + 512 * 512 + 512 * 10) * 64, cals.get(0).flopsPerStep());
    // cnn on 64x64: conv3x3 stride 2 to 32x32x16, 16x16x32, 8x8x64, 4x4x128, then linear 128x10, batch 16
    double cnnMacs = 32 * 32 * 16 * 3 * 9 + 16 * 16 * 32 * 16 * 9 + 8 * 8 * 64 * 32 * 9 + 4 * 4 * 128 * 64 * 9 + 128 * 10;
    assertEquals(3.0 * 2 * cnnMacs * 16, cals.get(1).flopsPerStep());
  }

  @Test
  void analyticFlopsEqualACountByForwardHooksOnTheRealModels() {
    // the script loaded as a module (not run), its models counted by hooks on every conv and linear
    String snippet = String.join("\n",
        "import sys, torch",
        "ns = {'__name__': 'envdoctor_torch'}",
        "exec(sys.stdin.read(), ns)",
        "def count(model, x):",
        "    macs = [0]",
        "    def hook(m, i, o):",
        "        if isinstance(m, torch.nn.Conv2d):",
        "            macs[0] += o.numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]",
        "        elif isinstance(m, torch.nn.Linear):",
        "            macs[0] += o.numel() * m.in_features",
        "    for m in model.modules():",
        "        m.register_forward_hook(hook)",
        "    model(x)",
        "    return 3 * 2 * macs[0]",
        "rows = [(count(ns['mlp_model'](torch), torch.randn(64, 784)), ns['mlp_flops'](64))]",
        "for batch, size in ((16, 64), (8, 96), (2, 65)):",
        "    rows.append((count(ns['cnn_model'](torch), torch.randn(batch, 3, size, size)), ns['cnn_flops'](batch, size)))",
        "for hooks, analytic in rows:",
        "    sys.__stdout__.write('%d %d\\n' % (hooks, analytic))");
    CommandResult r = new ProcessRunner().run(CommandSpec.of(Duration.ofSeconds(60), TORCH_PYTHON.toString(), "-c", snippet)
        .withStdin(PythonBackend.script()));
    assertEquals(CommandResult.Status.OK, r.status(), r.stderr());
    List<String> rows = r.stdoutLines();
    assertEquals(4, rows.size(), r.stdout());
    for (String row : rows) {
      String[] pair = row.split(" ");
      assertEquals(pair[0], pair[1], "hook count vs analytic count");
    }
  }

  @Test
  void peakTestsRunAndReportTheirUnits() {
    // the CPU stands in for an accelerator here (small sizes): same code path as CUDA/MPS but the timer
    long before = System.currentTimeMillis();
    ScriptOutput out = run(List.of("verify", "peak"), "--device", "cpu", "--peak-cpu", "--peak-size", "256",
        "--peak-seconds", "0.2");
    long after = System.currentTimeMillis();
    List<Peak> peaks = out.worker().peaks();
    // each test's window (the board's samples are matched to it) lies inside this JVM's account of the run, in order
    long last = before;
    for (Peak p : peaks) {
      assertTrue(p.startMs() >= last && p.endMs() >= p.startMs() && p.endMs() <= after, p.toString());
      last = p.endMs();
    }
    assertEquals(List.of("matmul/bf16", "matmul/tf32", "matmul/fp32", "copy/fp32"),
        peaks.stream().map(p -> p.test() + "/" + p.dtype()).toList());
    for (Peak p : peaks) {
      assertTrue(p.achieved() != null && p.achieved() > 0, p.toString());
      assertNull(p.diagnosis(), p.toString());
    }
    assertEquals("GB/s", peaks.get(3).unit());
    assertEquals("TFLOP/s", peaks.get(0).unit());
  }

  @Test
  void aPythonWithoutTorchStillAnswersWithItsFacts() {
    // python3 on PATH here is a pyenv 3.11 without torch
    Path python = new PythonLocator(System.getenv()).locate(null).orElseThrow().executable();
    PythonBackend.Run run = ScriptRuns.run(backend, python, List.of("verify"), List.of(), Duration.ofSeconds(60));
    assertTrue(run.parsed(), run.result().describe());
    assertNull(run.output().worker().engine());
    assertNull(run.output().python().torch());
    assertTrue(run.output().worker().diagnosis().contains("No module named 'torch'"), run.output().worker().diagnosis());
    assertNotNull(run.output().python().version());
  }

  @Test
  void nothingButTheAnswersReachStdout() {
    // torch and the script log to stderr; stdout must be the answers alone, one JSON line each
    PythonBackend.Run run = ScriptRuns.run(backend, TORCH_PYTHON, List.of("verify"), List.of("--device", "cpu"), Duration.ofSeconds(60));
    List<String> lines = run.result().stdout().strip().lines().toList();
    assertEquals(3, lines.size(), "hello, verify, end: " + lines);
    lines.forEach(l -> assertTrue(dev.envdoctor.protocol.SideAnswer.parse(l).isPresent(), l));
  }

  @Test
  void cudaAskedForOnACpuTorchSaysWhy() {
    ScriptOutput out = run(List.of("verify"), "--device", "cuda");
    DeviceResult cuda = out.worker().devices().get(0);
    assertEquals("cuda:0", cuda.device());
    assertEquals(Boolean.FALSE, cuda.verified());
    assertTrue(cuda.diagnosis().contains("Torch not compiled with CUDA enabled"), cuda.diagnosis());
    assertTrue(cuda.stderrTail().size() > 0);
  }
}
