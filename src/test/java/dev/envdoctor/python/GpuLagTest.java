package dev.envdoctor.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.Peak;
import dev.envdoctor.model.ReportJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lag decision on per-GPU figures. No 8-GPU run exists yet (issue #21): the 8-GPU sets here are
 * CONSTRUCTED from the real single-GPU recordings under docs/gpu-runs/ (the H100's two runs, 0.6%
 * apart, and the H200's), each figure and fact copied from one of them onto cuda:0..7.
 */
class GpuLagTest {

  private static JsonNode run(String dir) throws IOException {
    return ReportJson.mapper().readTree(Path.of("docs/gpu-runs", dir, "calibrate-full.json").toFile());
  }

  private static Peak peak(JsonNode run, String test, String dtype) {
    for (JsonNode p : run.get("peaks")) {
      if (p.get("test").asText().equals(test) && p.get("dtype").asText().equals(dtype)) {
        return ReportJson.mapper().convertValue(p, Peak.class);
      }
    }
    throw new AssertionError(test + " " + dtype);
  }

  private static GpuInfo gpu(JsonNode run) {
    return ReportJson.mapper().convertValue(run.get("host").get("gpus").get(0), GpuInfo.class);
  }

  private static Peak on(Peak p, int i, double scale) {
    return new Peak(p.runtime(), p.backend(), "cuda:" + i, p.test(), p.dtype(), p.achieved() * scale, p.unit(),
        p.datasheetPeak(), p.fractionOfPeak(), p.diagnosis());
  }

  /** Constructed: 8 H100s, bf16 alternating the two real H100 runs (726.8, 730.95 from py-all.json's 0.6% spread). */
  private static List<Peak> eightH100s(double lastScale) throws IOException {
    Peak bf16 = peak(run("h100-2026-11-25"), "matmul", "bf16");
    List<Peak> peaks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      peaks.add(on(bf16, i, i == 7 ? lastScale : (i % 2 == 0 ? 1.0 : 730.952 / 726.805)));
    }
    return peaks;
  }

  private static List<GpuInfo> facts(GpuInfo one, int n) {
    return new ArrayList<>(java.util.Collections.nCopies(n, one));
  }

  @Test
  void gpusWithinTheirNoiseAreNotFlagged() throws IOException {
    List<Peak> peaks = eightH100s(1.0);
    assertEquals(List.of(), GpuLag.lags(peaks, facts(gpu(run("h100-2026-11-25")), 8)));
    assertEquals(peaks, GpuLag.flag(peaks, List.of()));
  }

  @Test
  void aCardAtFourFifthsIsFlaggedWithThePowerLimitItDiffersIn() throws IOException {
    GpuInfo h100 = gpu(run("h100-2026-11-25"));
    List<GpuInfo> gpus = facts(h100, 8);
    gpus.set(7, new GpuInfo(h100.name(), h100.vendor(), h100.memoryBytes(), h100.driverVersion(),
        h100.computeCapability(), h100.cores(), h100.cudaVersion(), h100.smClockMaxMhz(), h100.memClockMaxMhz(), 500.0,
        83.0, h100.eccEnabled(), h100.persistenceMode(), "Gen4 x16"));
    List<GpuLag.Lag> lags = GpuLag.lags(eightH100s(0.8), gpus);
    assertEquals(1, lags.size());
    GpuLag.Lag lag = lags.get(0);
    assertEquals("cuda:7", lag.device());
    assertEquals(0.2, lag.deficit(), 0.005);
    assertEquals(GpuLag.FLOOR, lag.noise(), "the siblings agree closer than the floor");
    assertEquals(List.of("power limit 500 W, its siblings' 700 W", "PCIe link Gen4 x16, its siblings' Gen5 x16",
        "temperature 83 °C, its siblings' median 46 °C"), lag.facts());
    Peak flagged = GpuLag.flag(eightH100s(0.8), gpus).get(7);
    assertTrue(flagged.diagnosis().startsWith("cuda:7 lags its siblings: bf16 matmul 581.4 TFLOP/s, 20% below"),
        flagged.diagnosis());
    assertEquals("cuda:7", GpuLag.worst(eightH100s(0.8), "matmul", "bf16").orElseThrow().device(),
        "the node's figure is its worst GPU");
  }

  /** Seven H100 figures and the H200 run's (686.1, 5.6% lower) on cuda:7: beyond the 3% floor. */
  @Test
  void theRecordedH200FigureAmongH100FiguresLagsAndItsFactsMatch() throws IOException {
    List<Peak> peaks = eightH100s(1.0);
    Peak h200 = peak(run("h200-2026-11-25"), "matmul", "bf16");
    peaks.set(7, on(h200, 7, 1.0));
    List<GpuLag.Lag> lags = GpuLag.lags(peaks, facts(gpu(run("h100-2026-11-25")), 8));
    assertEquals(List.of("cuda:7"), lags.stream().map(GpuLag.Lag::device).toList());
    assertEquals(List.of(), lags.get(0).facts(), "same facts: the diagnosis points at clocks under load");
    assertTrue(GpuLag.describe(lags.get(0), "TFLOP/s").contains("nvidia-smi -q -d CLOCK,PERFORMANCE -i 7"));
  }

  @Test
  void noisySiblingsWidenTheBand() throws IOException {
    List<Peak> peaks = eightH100s(0.93);
    double[] spread = {1.0, 0.9, 1.1, 0.95, 1.05, 0.92, 1.08};
    for (int i = 0; i < 7; i++) {
      peaks.set(i, on(peaks.get(i), i, spread[i]));
    }
    assertEquals(List.of(), GpuLag.lags(peaks, List.of()), "7% below is inside siblings that spread ±10%");
  }
}
