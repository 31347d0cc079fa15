package dev.envdoctor.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Peak;
import dev.envdoctor.model.PeakConditions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** "Is this normal?": the shipped ranges, their sources, and what the rating says with them. */
class PeakRangesTest {

  private static final String H100 = "NVIDIA H100 80GB HBM3";
  private static final String H200 = "NVIDIA H200";
  private final PeakRanges ranges = PeakRanges.load();

  private static Peak bf16(double achieved, PeakConditions c) {
    return new Peak("native", Backend.PYTHON, "cuda:0", "matmul", "bf16", achieved, "TFLOP/s", null, null, null, 1L, 2L, c,
        null);
  }

  /**
   * Every range spans its sources' figures with 5% either side and rests on at least three of them: a
   * docs/gpu-runs file holds the figure it is quoted with; any other source is a public result named
   * by its https address. A user's run is never among them; where this repo's own run is judged
   * (compare's test on the H100 run), the range judged has three sources besides it (H100 bf16).
   */
  @Test
  void everyRangeHasAtLeastThreeSourcesAndSpansThemWithFivePercentEitherSide() throws Exception {
    Pattern figure = Pattern.compile(": (\\d+(?:\\.\\d+)?)$");
    for (PeakRanges.Range r : ranges.ranges()) {
      double lo = Double.MAX_VALUE;
      double hi = 0;
      for (String s : r.sources()) {
        Matcher m = figure.matcher(s);
        assertTrue(m.find(), s);
        double v = Double.parseDouble(m.group(1));
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
        if (s.startsWith("https://")) {
          continue;
        }
        assertTrue(s.startsWith("docs/gpu-runs/"), "neither a recorded run nor a public address: " + s);
        JsonNode peaks = new ObjectMapper().readTree(Files.readString(Path.of(s.substring(0, s.indexOf(':'))))).path("peaks");
        boolean found = false;
        for (JsonNode p : peaks) {
          found |= p.path("test").asText().equals(r.test()) && p.path("dtype").asText().equals(r.dtype())
              && Math.abs(p.path("achieved").asDouble() - v) < 0.06;
        }
        assertTrue(found, s);
      }
      assertTrue(r.sources().size() >= 3, r.model() + " " + r.dtype() + ": " + r.sources());
      assertEquals(0.95 * lo, r.low(), 0.6, r.model() + " " + r.dtype() + " low");
      assertEquals(1.05 * hi, r.high(), 0.6, r.model() + " " + r.dtype() + " high");
    }
  }

  /** The H100's matmul figures each rest on public results beside the one run recorded here. */
  @Test
  void theH100sMatmulRangesRestOnPublicResults() {
    for (String dtype : new String[] {"bf16", "tf32", "fp32"}) {
      PeakRanges.Range r = ranges.find(H100, "matmul", dtype).orElseThrow();
      assertTrue(r.sources().stream().filter(x -> x.startsWith("https://")).count() >= 2, dtype);
    }
    assertEquals(3, ranges.find(H100, "matmul", "bf16").orElseThrow().sources().stream()
        .filter(x -> x.startsWith("https://")).count(), "three besides the H100 run that compare's test judges");
    assertTrue(ranges.find(H100, "copy", "fp32").isEmpty(), "one comparable copy figure: no range");
    assertTrue(ranges.find("NVIDIA H100 PCIe", "matmul", "bf16").isEmpty(), "the PCIe card is another model");
  }

  @Test
  void theVerdictSaysNormalBelowOrNoReference() {
    assertTrue(ranges.verdict(H200, "matmul", "bf16", 680.0).startsWith("normal for an NVIDIA H200 (638-720"));
    assertTrue(ranges.verdict(H200, "matmul", "bf16", 500.0).startsWith("below its normal range for an NVIDIA H200"));
    assertTrue(ranges.verdict(H100, "matmul", "bf16", 719.0).startsWith("normal for an NVIDIA H100 80GB HBM3 (690-837"),
        "issue #30's power-capped 719 is inside the range");
    assertTrue(ranges.verdict(H100, "matmul", "bf16", 600.0).startsWith("below its normal range for an NVIDIA H100"));
    assertEquals("no reference range for fp32 copy on an NVIDIA H100 80GB HBM3", ranges.verdict(H100, "copy", "fp32",
        3012.4), "a model with ranges for some figures names the figure it has none for");
    assertEquals("no reference range for an NVIDIA GeForce RTX 4090", ranges.verdict("NVIDIA GeForce RTX 4090", "copy",
        "fp32", 900.0));
    assertNull(ranges.verdict(H200, "matmul", "bf16", null));
  }

  /** "an" or "a" by sound, as a reader says the name. */
  @Test
  void theArticleFollowsTheNamesSound() {
    assertEquals("a GeForce RTX 4090", PeakRanges.withArticle("GeForce RTX 4090"));
    assertEquals("a Tesla T4", PeakRanges.withArticle("Tesla T4"));
    assertEquals("an NVIDIA H200", PeakRanges.withArticle("NVIDIA H200"));
    assertEquals("an H100", PeakRanges.withArticle("H100"));
    assertEquals("an AMD Instinct MI300X", PeakRanges.withArticle("AMD Instinct MI300X"));
    assertEquals("no reference range for a GeForce RTX 4090", ranges.verdict("GeForce RTX 4090", "copy", "fp32", 900.0));
  }

  @Test
  void aPeakBelowItsRangeNamesTheLimitThatHeldIt() {
    PeakConditions capped = new PeakConditions(6, 1245.0, 1440.0, 1980.0, 2619.0, 2619.0, 690.0, 701.0, 700.0, 56.0,
        List.of("sw_power_cap"), "software power cap: 700 W (in 6 of 6 samples; draw 690-701 W), SM clock 1245-1440 of 1980 MHz");
    Optional<GpuPeaks.Entry> card = GpuPeaks.load().find(H200);
    Peak low = PeakRating.rate(bf16(600.0, capped), card, Optional.empty(), H200, ranges);
    assertTrue(low.normal().startsWith("below its normal range"), low.normal());
    assertTrue(low.diagnosis().contains("during the test: software power cap: 700 W"), low.diagnosis());
    assertEquals(capped, low.conditions());
    Peak normal = PeakRating.rate(bf16(700.0, capped), card, Optional.empty(), H200, ranges);
    assertTrue(normal.normal().startsWith("normal"));
    assertNull(normal.diagnosis(), "70.7% of the datasheet is above the 70% goal and within the range");
  }

  @Test
  void withoutARangeAFigureUnder80PercentOfItsDatasheetNamesItsLimitOrThatNoneWas() {
    PeakConditions free = new PeakConditions(4, 1980.0, 1980.0, 1980.0, 2619.0, 2619.0, 300.0, 420.0, 700.0, 40.0,
        List.of(), "no clock limit was active (SM clock 1980 of 1980 MHz, power 300-420 W of 700 W)");
    Peak tf32 = new Peak("native", Backend.PYTHON, "cuda:0", "matmul", "tf32", 240.0, "TFLOP/s", null, null, null, 1L, 2L,
        free, null);
    String pcie = "NVIDIA H100 PCIe";
    Peak p = PeakRating.rate(tf32, GpuPeaks.load().find(pcie), Optional.empty(), pcie, ranges);
    assertEquals(240.0 / 378, p.fractionOfPeak(), 1e-9);
    assertTrue(p.diagnosis().contains("during the test: no clock limit was active"), p.diagnosis());
    assertEquals("no reference range for an NVIDIA H100 PCIe", p.normal());
  }
}
