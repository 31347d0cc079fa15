package dev.envdoctor.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Peak;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** compare judges each side's peaks with the shipped ranges; two real GPU runs of this repo (docs/gpu-runs/). */
class PeakFactsTest {

  @Test
  void anH100BesideAnH200EachJudgedAgainstItsOwnModel() throws Exception {
    Report h100 = ReportJson.read(Path.of("docs/gpu-runs/h100-2026-11-25/calibrate-full.json"));
    Report h200 = ReportJson.read(Path.of("docs/gpu-runs/h200-2026-12-01/run/calibrate-full.json"));
    List<Difference> rows = Comparer.compare(h100, h200, "h100", "h200").differences().stream()
        .filter(d -> d.what().startsWith("peak ")).toList();
    Difference bf16 = rows.stream().filter(d -> d.what().startsWith("peak bf16 matmul")).findFirst().orElseThrow();
    assertTrue(bf16.base().startsWith("726.8 TFLOP/s, normal for an NVIDIA H100 80GB HBM3 (690-837 TFLOP/s"),
        bf16.base());
    assertEquals("673.9 TFLOP/s, normal for an NVIDIA H200 (638-720 TFLOP/s sustained, from 5 sources)", bf16.other());
    assertEquals(Difference.Severity.INFO, bf16.severity(), "neither side below a range: 726.8 vs 673.9 is apart");
    Difference copy = rows.stream().filter(d -> d.what().startsWith("peak fp32 copy")).findFirst().orElseThrow();
    assertEquals("3012.4 GB/s, no reference range for fp32 copy on an NVIDIA H100 80GB HBM3", copy.base());
    assertTrue(Comparer.compare(h200, h200, "a", "b").differences().stream().noneMatch(d -> d.what().startsWith("peak ")),
        "the same report twice: no peak row");
  }

  /** A saved report edited or written without a unit: the bare figure, never "null". */
  @Test
  void aPeakWithoutAUnitShowsTheBareFigure() {
    Peak p = new Peak("native", Backend.PYTHON, "cuda:0", "matmul", "bf16", 719.04, null, null, null, null);
    assertEquals("719.0, normal for an NVIDIA H200", PeakFacts.figure(p, "normal for an NVIDIA H200"));
    assertEquals("719.0", PeakFacts.figure(p, null));
    assertEquals("719.0 TFLOP/s", PeakFacts.figure(new Peak("native", Backend.PYTHON, "cuda:0", "matmul", "bf16", 719.04,
        "TFLOP/s", null, null, null), null));
  }
}
