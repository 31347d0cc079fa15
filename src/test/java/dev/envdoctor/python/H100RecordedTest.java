package dev.envdoctor.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.Host;
import dev.envdoctor.model.Peak;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.Tool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The script's real output on the lent H100 (recorded/h100-python), parsed, merged and rated. */
class H100RecordedTest {

  private static String recorded(String name) throws IOException {
    try (InputStream in = H100RecordedTest.class.getResourceAsStream("/recorded/h100-python/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** host.gpus[0] as the probe reads the recorded nvidia-smi query (same columns, same order). */
  private static GpuInfo h100() throws IOException {
    String[] f = recorded("nvidia-smi-query.csv").strip().split(",\\s*");
    return new GpuInfo(f[0], "NVIDIA", Long.parseLong(f[1]) << 20, f[2], f[3], null, "13.0", Long.parseLong(f[4]),
        Long.parseLong(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]), "Enabled".equals(f[8]),
        "Enabled".equals(f[9]), "Gen" + f[10] + " x" + f[11]);
  }

  private static Report merged() throws Exception {
    String stdout = recorded("py-all.json");
    CommandSpec spec = CommandSpec.of(Duration.ofSeconds(480), "/opt/torch/.venv/bin/python3", "-", "verify,calibrate,peak");
    var run = new PythonBackend.Run(new CommandResult(spec, CommandResult.Status.OK, 0, stdout, recorded("py-all.err"), 30_000),
        ScriptOutput.parse(stdout), null);
    Host host = new Host(null, null, null, null, List.of(h100()), null, null);
    Report start = Report.empty(new Tool("envdoctor", "test"), "2026-11-25T21:00:00Z").withHost(host);
    return PythonStage.merge(start, new PythonLocator.Located(Path.of("/opt/torch/.venv/bin/python3"), "VIRTUAL_ENV"), run);
  }

  @Test
  void cudaZeroComputesAndMatchesTheCpu() throws Exception {
    Report r = merged();
    assertNull(r.python().diagnosis());
    assertEquals("13.0", r.python().torch().cuda());
    assertEquals(Boolean.TRUE, r.python().venv());
    DeviceResult cuda = r.devices().stream().filter(d -> d.device().equals("cuda:0")).findFirst().orElseThrow();
    assertEquals("NVIDIA H100 80GB HBM3", cuda.name());
    assertEquals("native", cuda.runtime());
    assertTrue(cuda.verified());
    assertTrue(cuda.maxAbsError() < 1e-5, "TF32 was off during verification: " + cuda.maxAbsError());
    assertEquals("cu130", r.engines().get(0).flavor());
    assertEquals("native", r.engines().get(0).runtime());
  }

  @Test
  void calibrationsOnBothDevicesCarryEveryFieldAndTheSpecFlops() throws Exception {
    List<Calibration> cals = merged().calibrations();
    assertEquals(List.of("cpu/mlp", "cpu/cnn", "cuda:0/mlp", "cuda:0/cnn"),
        cals.stream().map(c -> c.device() + "/" + c.workload()).toList());
    for (Calibration c : cals) {
      assertEquals("native", c.runtime());
      assertNotNull(c.medianMs());
      assertNotNull(c.cv());
      assertEquals(c.steps(), c.stepTimesMs().size());
      assertEquals(16, c.threads());
      assertEquals("mlp".equals(c.workload()) ? 256_770_048.0 : 382_328_832.0, c.flopsPerStep());
    }
    Calibration gpuCnn = cals.get(3);
    Calibration cpuCnn = cals.get(1);
    assertTrue(gpuCnn.medianMs() < cpuCnn.medianMs(), "the H100 trains the cnn faster than 16 CPU cores");
  }

  @Test
  void peaksAreRatedAgainstTheH100Datasheet() throws Exception {
    List<Peak> peaks = merged().peaks();
    assertEquals(4, peaks.size());
    Peak bf16 = peaks.get(0);
    assertEquals("bf16", bf16.dtype());
    assertEquals(989.4, bf16.datasheetPeak());
    assertEquals(730.952 / 989.4, bf16.fractionOfPeak(), 1e-4);
    assertNull(bf16.diagnosis(), "above the 70% goal");
    Peak copy = peaks.get(3);
    assertEquals(3350.0, copy.datasheetPeak());
    assertEquals(3011.06 / 3350, copy.fractionOfPeak(), 1e-4);
    assertNull(copy.diagnosis(), "above the 80% goal");
    assertEquals(494.7, peaks.get(1).datasheetPeak());
    assertEquals(66.9, peaks.get(2).datasheetPeak());
    assertTrue(peaks.stream().allMatch(p -> "native".equals(p.runtime())));
  }

  @Test
  void theHealthyCudaEnvHasNoDiagnosis() throws Exception {
    RecordedTorch env = RecordedTorch.parse(recorded("collect_env.txt"));
    assertEquals("13.0", env.facts().torch().cuda());
    assertEquals(Boolean.TRUE, env.facts().torch().cudaAvailable());
    assertTrue(PythonDiagnosis.envFinding("/opt/torch/.venv/bin/python3", env.output(), env.host()).isEmpty());
  }

  @Test
  void aCpuOnlyCalibrationThereParsesWithItsThreads() throws Exception {
    ScriptOutput out = ScriptOutput.parse(recorded("py-cpu16.json"));
    assertTrue(out.worker().devices().isEmpty(), "calibrate alone does not verify");
    assertEquals(List.of("mlp", "cnn"), out.worker().calibrations().stream().map(Calibration::workload).toList());
    assertTrue(out.worker().calibrations().stream().allMatch(c -> c.threads() == 16 && c.steps() == 30));
  }
}
