package dev.envdoctor.interconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Interconnect;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The all-reduce busbw ranges per link type (busbw-ranges.yaml): every range rests on at least three
 * public results named by their address and spans their figures with 5% either side; the verdict on
 * a sweep's top entry judged by LinkJudge on real recorded topologies (topo -m of an 8-GPU HGX H100
 * and of a 4-GPU PCIe T4 node). The busbw figures are constructed: no multi-GPU run is recorded here.
 */
class BusBwRangesTest {

  private static final String H100 = "NVIDIA H100 80GB HBM3";
  private final BusBwRanges ranges = BusBwRanges.load();

  @Test
  void everyRangeRestsOnThreePublicSourcesAndSpansThemWithFivePercentEitherSide() {
    Pattern figure = Pattern.compile(": (\\d+(?:\\.\\d+)?)$");
    assertTrue(ranges.ranges().size() >= 2);
    for (BusBwRanges.Range r : ranges.ranges()) {
      assertTrue(r.sources().size() >= 3, r.label());
      double lo = Double.MAX_VALUE;
      double hi = 0;
      for (String s : r.sources()) {
        assertTrue(s.startsWith("https://github.com/NVIDIA/nccl"), "a public nccl or nccl-tests thread: " + s);
        Matcher m = figure.matcher(s);
        assertTrue(m.find(), s);
        double v = Double.parseDouble(m.group(1));
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      assertEquals(0.95 * lo, r.low(), 0.6, r.label() + " low");
      assertEquals(1.05 * hi, r.high(), 0.6, r.label() + " high");
    }
  }

  private static Interconnect judgedTop(Interconnect e, String topo, int gpus) throws IOException {
    return LinkJudgeTest.top(LinkJudge.judge(List.of(e), LinkJudgeTest.topo(topo), LinkJudgeTest.h100s(gpus)));
  }

  @Test
  void eightH100sOnNvlinkAreNormalAtTheRingsRateAndBelowItUnderIt() throws IOException {
    Interconnect ring = judgedTop(LinkJudgeTest.allReduce(8, 1L << 30, 370, Map.of()), "topo-h100-hgx-8gpu.txt", 8);
    assertEquals("NVLink NV18", ring.linkType());
    assertEquals("normal for 8 H100/H200 SXM GPUs on NVLink NV18 (352-504 GB/s busbw at 1 GiB and up, from 4 sources)",
        ranges.verdict(H100, ring));
    Interconnect slow = judgedTop(LinkJudgeTest.allReduce(8, 1L << 30, 300, Map.of()), "topo-h100-hgx-8gpu.txt", 8);
    assertTrue(ranges.verdict(H100, slow).startsWith("below its normal range for 8 H100/H200 SXM GPUs on NVLink NV18"),
        "300 GB/s passes LinkJudge's 60% goal but is below what healthy HGX boards reach");
    Interconnect small = judgedTop(LinkJudgeTest.allReduce(8, 1L << 28, 300, Map.of()), "topo-h100-hgx-8gpu.txt", 8);
    assertEquals("no reference range for an all-reduce over 8 ranks on NVLink NV18 (" + H100 + ") at 256 MiB (the range"
        + " holds 1 GiB and up)", ranges.verdict(H100, small));
  }

  @Test
  void pcieHasItsOwnRangeAndOtherCountsOrModelsHaveNone() throws IOException {
    Interconnect pcie = judgedTop(LinkJudgeTest.allReduce(4, 1L << 30, 24, Map.of()), "topo-t4-pcie-4gpu.txt", 4);
    assertTrue(pcie.linkType().startsWith("PCIe"), pcie.linkType());
    assertTrue(ranges.verdict("Tesla T4", pcie).startsWith("normal for 3-8 GPUs all-reducing over PCIe (no NVLink)"
        + " (19-36.8 GB/s"), ranges.verdict("Tesla T4", pcie));
    Interconnect four = judgedTop(LinkJudgeTest.allReduce(4, 1L << 30, 300, Map.of()), "topo-h100-hgx-8gpu.txt", 4);
    assertEquals("no reference range for an all-reduce over 4 ranks on NVLink NV18 (" + H100 + ")",
        ranges.verdict(H100, four), "the NVLink figures are for 8 GPUs");
    assertNull(ranges.verdict(H100, LinkJudgeTest.top(LinkJudge.judge(List.of(LinkJudgeTest.allReduce(1, 1L << 30, 0,
        Map.of())), null, LinkJudgeTest.h100s(1)))), "one rank: nothing to judge");
  }
}
