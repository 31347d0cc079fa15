package dev.envdoctor.interconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.GpuTopology;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The best ring on real topologies (recorded nvidia-smi topo -m). */
class RingsTest {

  /** Constructed facts: V100s (compute capability 7.0) on PCIe Gen3 x16. */
  private static List<GpuInfo> v100s(int n) {
    GpuInfo v = new GpuInfo("Tesla V100-SXM2-32GB", "NVIDIA", null, null, "7.0", null, null, null, null, null, null,
        null, null, "Gen3 x16");
    return java.util.Collections.nCopies(n, v);
  }

  /** DGX-1's hybrid cube mesh: a ring over NV2 links alone exists, so neither NV1 nor SYS bounds it. */
  @Test
  void theHybridCubeMeshRingsOverNvlinkAvoidingSys() throws IOException {
    GpuTopology t = LinkJudgeTest.topo("topo-v100-dgx1-hybrid-mesh-first7rows.txt");
    Rings.Ring ring = Rings.best(8, new PairLinks(t, v100s(8))).orElseThrow();
    assertEquals("NVLink", ring.slowest().kind());
    // 0-1-3-7-5-4-6-2: every hop a pair of NVLink2 links (NV2), DGX-1's own ring
    assertEquals("NV2", ring.slowest().path());
    assertEquals(50.0, ring.slowest().gbps());
    assertEquals(8, ring.order().size());
  }

  @Test
  void twoGpusAreOneHopAndOneGpuNone() throws IOException {
    GpuTopology t = LinkJudgeTest.topo("topo-rtx5090-2gpu-phb.txt");
    Rings.Ring ring = Rings.best(2, new PairLinks(t, v100s(2))).orElseThrow();
    assertEquals("PHB", ring.slowest().path());
    assertEquals(15.76, ring.slowest().gbps(), 0.01);
    assertTrue(Rings.best(1, new PairLinks(t, v100s(1))).isEmpty());
  }

  @Test
  void withoutATopologyThePcieLinksBound() {
    Rings.Ring ring = Rings.best(4, new PairLinks(null, v100s(4))).orElseThrow();
    assertEquals("PCIe", ring.slowest().kind());
    assertEquals(15.76, ring.slowest().gbps(), 0.01);
  }
}
