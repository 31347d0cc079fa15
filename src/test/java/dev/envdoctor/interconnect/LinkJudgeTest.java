package dev.envdoctor.interconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.GpuTopology;
import dev.envdoctor.model.Interconnect;
import dev.envdoctor.probe.nvidia.NvidiaSmiCsv;
import dev.envdoctor.probe.nvidia.NvidiaTopo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The measured busbw held against the links of real topologies (recorded nvidia-smi topo -m). The
 * GPUs' facts are the recorded H100's nvidia-smi query, repeated for each GPU: a constructed node of
 * identical cards. The all-reduce figures are constructed too (no 8-GPU run exists yet; issue #21).
 */
class LinkJudgeTest {

  static String recorded(String name) {
    return dev.envdoctor.probe.Recorded.text("nvidia-smi/" + name);
  }

  static GpuTopology topo(String name) throws IOException {
    return NvidiaTopo.parse(recorded(name));
  }

  /** Constructed: n copies of the recorded H100's facts (Gen5 x16, compute capability 9.0). */
  static List<GpuInfo> h100s(int n) throws IOException {
    GpuInfo one = NvidiaSmiCsv.parse(NvidiaSmiCsv.FIELDS, recorded("h100-query.csv")).get(0);
    return new ArrayList<>(Collections.nCopies(n, one));
  }

  static Interconnect allReduce(int ranks, long bytes, double busGBps, Map<String, String> nccl) {
    double alg = busGBps / BusBandwidth.allReduceFactor(ranks);
    return new Interconnect("native", "nccl", Interconnect.ALL_REDUCE, ranks, List.of(), null, null, bytes,
        bytes / (alg * 1e9), 20, alg, busGBps, true, null, null, null, null, "2.27.3", nccl, null, null);
  }

  static Interconnect top(List<Interconnect> judged) {
    return judged.stream().filter(Interconnect::allReduce).reduce((a, b) -> b).orElseThrow();
  }

  @Test
  void ringFiguresOnAnHgxH100AreHeldAgainstNvlink4AndPass() throws IOException {
    List<Interconnect> judged = LinkJudge.judge(List.of(allReduce(8, 1L << 26, 300, Map.of()),
        allReduce(8, 1L << 30, 370, Map.of("NCCL_NVLS_ENABLE", "0"))), topo("topo-h100-hgx-8gpu.txt"), h100s(8));
    Interconnect t = top(judged);
    assertEquals("NVLink NV18", t.linkType());
    assertEquals(450.0, t.linkGBps());
    assertEquals(370.0 / 450, t.fractionOfLink(), 1e-9);
    assertNull(t.diagnosis(), "82% of the links: what nccl-tests reaches with NVLS off");
    assertNull(judged.get(0).diagnosis(), "only the sweep's largest size is judged");
  }

  @Test
  void halfTheLinksRateIsFlaggedWithTheCauseTheFactsShow() throws IOException {
    Interconnect t = top(LinkJudge.judge(List.of(allReduce(8, 1L << 30, 200, Map.of("NCCL_P2P_DISABLE", "1"))),
        topo("topo-h100-hgx-8gpu.txt"), h100s(8)));
    assertNotNull(t.diagnosis());
    assertTrue(t.diagnosis().startsWith("all-reduce busbw 200.0 GB/s is 44% of the 450 GB/s"), t.diagnosis());
    assertTrue(t.diagnosis().contains("NCCL_P2P_DISABLE=1 is set"), t.diagnosis());
  }

  @Test
  void aPcieRateOnNvlinkSaysTheLinksAreNotUsed() throws IOException {
    Interconnect t = top(LinkJudge.judge(List.of(allReduce(8, 1L << 30, 55, Map.of())),
        topo("topo-h100-hgx-8gpu.txt"), h100s(8)));
    assertTrue(t.diagnosis().contains("is a PCIe rate (63 GB/s), not NVLink's"), t.diagnosis());
  }

  @Test
  void aDegradedPcieLinkIsNamed() throws IOException {
    List<GpuInfo> gpus = h100s(4);
    GpuInfo g = gpus.get(2);
    gpus.set(2, new GpuInfo(g.name(), g.vendor(), g.memoryBytes(), g.driverVersion(), g.computeCapability(), g.cores(),
        g.cudaVersion(), g.smClockMaxMhz(), g.memClockMaxMhz(), g.powerLimitW(), g.temperatureC(), g.eccEnabled(),
        g.persistenceMode(), "Gen5 x8"));
    Interconnect t = top(LinkJudge.judge(List.of(allReduce(4, 1L << 30, 10, Map.of())), topo("topo-t4-pcie-4gpu.txt"),
        gpus));
    assertEquals("PCIe NODE", t.linkType(), "the hops to and from cuda:2 (NODE paths) are the slowest");
    assertEquals(31.5, t.linkGBps(), 0.01, "the x8 link bounds the ring");
    assertTrue(t.diagnosis().contains("cuda:2's PCIe link runs at Gen5 x8"), t.diagnosis());
  }

  /** NVLink-bridged pairs: a ring through 8 GPUs must cross PCIe, whose rate then bounds it. */
  @Test
  void nvlinkPairsStillRingOverPcie() throws IOException {
    Interconnect t = top(LinkJudge.judge(List.of(allReduce(8, 1L << 30, 50, Map.of())),
        topo("topo-a100-nvlink-pairs-8gpu.txt"), h100s(8)));
    assertEquals("PCIe SYS", t.linkType(), "the ring crosses the NUMA nodes once each way");
    assertEquals(63.0, t.linkGBps(), 0.01);
    assertNull(t.diagnosis(), "79% of the PCIe link");
    Interconnect slow = top(LinkJudge.judge(List.of(allReduce(8, 1L << 30, 25, Map.of())),
        topo("topo-a100-nvlink-pairs-8gpu.txt"), h100s(8)));
    assertTrue(slow.diagnosis().contains("40% of the 63 GB/s its links carry (PCIe SYS"), slow.diagnosis());
  }

  @Test
  void oneGpuHasNoLinkAndGlooIsLoopback() throws IOException {
    Interconnect one = top(LinkJudge.judge(List.of(allReduce(1, 1L << 30, 0, Map.of())), null, h100s(1)));
    assertEquals("none (one GPU)", one.linkType());
    assertNull(one.linkGBps());
    Interconnect gloo = new Interconnect("native", "gloo", Interconnect.ALL_REDUCE, 2, List.of("cpu", "cpu"), null,
        null, 1L << 24, 0.02, 10, 0.8, 0.8, true, null, null, null, null, null, Map.of(), null, null);
    Interconnect judged = top(LinkJudge.judge(List.of(gloo), null, List.of()));
    assertEquals("loopback (gloo, CPU)", judged.linkType());
    assertNull(judged.diagnosis());
  }

  @Test
  void aWrongSumIsDiagnosedWhateverTheRate() {
    Interconnect wrong = new Interconnect("native", "gloo", Interconnect.ALL_REDUCE, 2, List.of(), null, null,
        1L << 20, 0.001, 10, 1.0, 1.0, false, null, null, null, null, null, Map.of(), null, null);
    Interconnect judged = top(LinkJudge.judge(List.of(wrong), null, List.of()));
    assertTrue(judged.diagnosis().contains("returned a wrong sum on 2 ranks"), judged.diagnosis());
  }

  @Test
  void aSlowP2pPairIsFlaggedAgainstItsLink() throws IOException {
    Interconnect fast = new Interconnect("native", "cuda", Interconnect.P2P_COPY, 2, List.of(), "cuda:0", "cuda:1",
        1L << 28, null, null, 390.0, 390.0, null, true, null, null, null, null, null, null, null);
    Interconnect slow = new Interconnect("native", "cuda", Interconnect.P2P_COPY, 2, List.of(), "cuda:1", "cuda:0",
        1L << 28, null, null, 40.0, 40.0, null, false, null, null, null, null, null, null, null);
    List<Interconnect> judged = LinkJudge.judge(List.of(fast, slow), topo("topo-h100-hgx-8gpu.txt"), h100s(8));
    assertNull(judged.get(0).diagnosis());
    assertEquals(390.0 / 450, judged.get(0).fractionOfLink(), 1e-9);
    assertTrue(judged.get(1).diagnosis().contains("no peer access"), judged.get(1).diagnosis());
  }

  /**
   * CUDA_VISIBLE_DEVICES=1,2 on the recorded 8-GPU A100 matrix of NVLink pairs: cuda:0 and cuda:1 are
   * nvidia-smi's GPU 1 and GPU 2, joined over PCIe (NODE), where reading cuda:N as GPU N would take
   * them for the NV12 pair GPU 0-GPU 1 and hold their all-reduce against NVLink.
   */
  @Test
  void cudaDevicesAreNvidiaSmisGpusThroughCudaVisibleDevices() throws IOException {
    GpuTopology t = topo("topo-a100-nvlink-pairs-8gpu.txt");
    var visible = dev.envdoctor.probe.nvidia.CudaVisibleDevices.of("1,2");
    PairLinks mapped = new PairLinks(t, h100s(8), PairLinks.mapping(visible, 8, null));
    PairLinks identity = new PairLinks(t, h100s(8));
    assertEquals("NVLink NV12", identity.between(0, 1).orElseThrow().label(), "GPU0-GPU1: an NVLink pair");
    assertEquals("PCIe NODE", mapped.between(0, 1).orElseThrow().label(), "cuda:0-cuda:1 are GPU1-GPU2: no NVLink");
    assertEquals("cuda:0", mapped.deviceOf(1));
    assertEquals("nvidia-smi GPU 0", mapped.deviceOf(0), "GPU 0 is not visible to CUDA");
    assertTrue(mapped.between(0, 2).isEmpty(), "cuda:2 does not exist with two visible GPUs");
    Interconnect judged = top(LinkJudge.judgeWith(List.of(allReduce(2, 1L << 30, 200, Map.of())), mapped, h100s(8)));
    assertEquals("PCIe NODE", judged.linkType(), "the all-reduce of the two visible GPUs is held against PCIe");
  }
}
