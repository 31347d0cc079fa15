package dev.envdoctor.interconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.doctor.ViewContexts;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.GpuTopology;
import dev.envdoctor.model.Host;
import dev.envdoctor.model.Interconnect;
import dev.envdoctor.model.Peak;
import dev.envdoctor.model.Report;
import dev.envdoctor.python.GpuLag;
import dev.envdoctor.report.Renderers;
import dev.envdoctor.run.Console;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console and report views of a CONSTRUCTED 8-GPU node: the recorded HGX H100 topology and
 * H100 facts (nvidia-smi), peaks at the recorded H100 figure with cuda:5 at 80%, an all-reduce
 * sweep at half its links' rate and two P2P pairs.
 */
class InterconnectViewTest {

  static Report node() throws Exception {
    GpuTopology topo = LinkJudgeTest.topo("topo-h100-hgx-8gpu.txt");
    var gpus = LinkJudgeTest.h100s(8);
    List<Peak> peaks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      peaks.add(new Peak("native", Backend.PYTHON, "cuda:" + i, "matmul", "bf16", i == 5 ? 581.4 : 726.8, "TFLOP/s", 989.4,
          null, null));
    }
    List<Interconnect> entries = new ArrayList<>(List.of(
        LinkJudgeTest.allReduce(8, 1L << 26, 150, Map.of("NCCL_NVLS_ENABLE", "0")),
        LinkJudgeTest.allReduce(8, 1L << 30, 210, Map.of("NCCL_NVLS_ENABLE", "0"))));
    entries.add(new Interconnect("native", "cuda", Interconnect.P2P_COPY, 2, List.of(), "cuda:0", "cuda:1", 1L << 28,
        null, null, 380.0, 380.0, null, true, null, null, null, null, null, null, null));
    entries.add(new Interconnect("native", "cuda", Interconnect.P2P_COPY, 2, List.of(), "cuda:1", "cuda:0", 1L << 28,
        null, null, 376.0, 376.0, null, true, null, null, null, null, null, null, null));
    Host host = new Host(null, null, null, null, gpus, null, null);
    return Report.empty(new dev.envdoctor.model.Tool("envdoctor", "test"), "2026-12-01T21:00:00Z").withHost(host)
        .withPeaks(GpuLag.flag(peaks, gpus)).withInterconnect(LinkJudge.judge(entries, topo, gpus), topo);
  }

  @Test
  void oneRankIsOneRank() throws Exception {
    // a single-GPU node's all-reduce: busbw is 0 by its definition (factor 2(n-1)/n)
    Interconnect one = new Interconnect("native", "nccl", Interconnect.ALL_REDUCE, 1, List.of(), null, null, 1L << 26,
        0.001, 20, 67.1, 0.0, true, null, null, null, null, "2.27.3", Map.of(), null, null);
    Report r = Report.empty(new dev.envdoctor.model.Tool("envdoctor", "test"), "2026-12-01T21:00:00Z")
        .withHost(new Host(null, null, null, null, LinkJudgeTest.h100s(1), null, null))
        .withInterconnect(List.of(one), null);
    String text = NodeSummary.interconnect(r).orElseThrow().text();
    assertTrue(text.contains("nccl 2.27.3, 1 rank: busbw"), text);
  }

  @Test
  void theSummaryNamesTheWorstGpuAndTheBusbwAgainstItsLinks() throws Exception {
    Report r = node();
    NodeSummary.Line gpus = NodeSummary.gpus(r).orElseThrow();
    assertEquals(Console.Mark.WARN, gpus.mark());
    assertEquals("GPUs: 8 peaked, the node's figure is its worst: bf16 matmul worst cuda:5 581.4 TFLOP/s (best 726.8)",
        gpus.text());
    assertTrue(gpus.details().get(0).startsWith("cuda:5 lags its siblings"), gpus.details().toString());
    NodeSummary.Line ic = NodeSummary.interconnect(r).orElseThrow();
    assertEquals(Console.Mark.WARN, ic.mark());
    assertEquals("Interconnect: all-reduce over nccl 2.27.3, 8 ranks: busbw 210.00 GB/s at 1 GiB, 47% of NVLink NV18"
        + " (450 GB/s per direction); every sum correct", ic.text());
    assertTrue(ic.details().get(0).startsWith("all-reduce busbw 210.0 GB/s is 47% of the 450 GB/s"), ic.details().toString());
    assertEquals("busbw 210.00 GB/s: below its normal range for 8 H100/H200 SXM GPUs on NVLink NV18 (352-504 GB/s busbw"
        + " at 1 GiB and up, from 4 sources)", ic.details().get(1), "the reference range (busbw-ranges.yaml) after the diagnosis");
    assertTrue(ic.details().contains("P2P copies: 2 pairs, slowest cuda:1→cuda:0 376.0 GB/s, fastest 380.0 GB/s"));
    assertTrue(ic.details().contains("NCCL settings present: NCCL_NVLS_ENABLE=0"), ic.details().toString());
  }

  @Test
  void theConsoleShowsTheSweepTheMatrixAndTheWiring() throws Exception {
    ViewContexts v = new ViewContexts(false);
    new InterconnectView().print(node(), v.ctx);
    String text = v.text();
    assertTrue(text.contains("1 GiB") && text.contains("210.00 busbw  correct"), text);
    assertTrue(text.contains("P2P copy GB/s (row: from, column: to)"), text);
    assertTrue(text.contains("cuda:1    376.00       -"), text);
    assertTrue(text.contains("nvidia-smi topo -m: 8 GPUs, paths between them: NV18; NUMA GPU0=0"), text);
  }

  @Test
  void theReportsCarryTheInterconnectSection() throws Exception {
    String md = Renderers.byFormat("md").orElseThrow().render(node());
    assertTrue(md.contains("#### Interconnect"), md);
    assertTrue(md.contains("| all-reduce | nccl 2.27.3 | 8 | 1 GiB |"), md);
    assertTrue(md.contains("| p2p-copy cuda:0→cuda:1 |"), md);
    String html = Renderers.byFormat("html").orElseThrow().render(node());
    assertTrue(html.contains("Interconnect") && html.contains("NVLink NV18 (450 GB/s)"), html);
  }
}
