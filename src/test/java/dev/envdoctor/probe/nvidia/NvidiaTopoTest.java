package dev.envdoctor.probe.nvidia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.GpuTopology;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** nvidia-smi topo -m of real machines (recorded/nvidia-smi/topo-*.txt, SOURCES.md says whose). */
class NvidiaTopoTest {

  static String recorded(String name) {
    return dev.envdoctor.probe.Recorded.text("nvidia-smi/" + name);
  }

  static GpuTopology parse(String name) throws IOException {
    return NvidiaTopo.parse(recorded(name));
  }

  private static String path(GpuTopology t, String from, String to) {
    return t.links().stream().filter(l -> l.from().equals(from) && l.to().equals(to)).findFirst().orElseThrow().path();
  }

  @Test
  void anHgxH100HasEighteenNvlinksBetweenEveryPairAndTwoNumaNodes() throws IOException {
    GpuTopology t = parse("topo-h100-hgx-8gpu.txt");
    assertNull(t.diagnosis());
    assertEquals(8, t.gpus().size());
    assertEquals(8 * 7, t.links().size());
    assertTrue(t.links().stream().allMatch(l -> l.path().equals("NV18") && l.nvlinks() == 18));
    assertEquals("0-47,96-143", t.gpus().get(0).cpuAffinity());
    assertEquals("0", t.gpus().get(3).numaAffinity());
    assertEquals("48-95,144-191", t.gpus().get(4).cpuAffinity());
    assertEquals("1", t.gpus().get(7).numaAffinity());
  }

  @Test
  void nvlinkBridgedPairsAreNvlinkAndTheRestPcie() throws IOException {
    GpuTopology t = parse("topo-a100-nvlink-pairs-8gpu.txt");
    assertEquals(8, t.gpus().size());
    assertEquals("NV12", path(t, "GPU0", "GPU1"));
    assertEquals(12, t.links().stream().filter(l -> l.from().equals("GPU0") && l.to().equals("GPU1")).findFirst()
        .orElseThrow().nvlinks());
    assertEquals("NODE", path(t, "GPU0", "GPU2"));
    assertEquals("SYS", path(t, "GPU3", "GPU4"));
    assertNull(t.links().stream().filter(l -> l.path().equals("SYS")).findFirst().orElseThrow().nvlinks());
    assertEquals(8, t.links().stream().filter(l -> l.nvlinks() != null).count(), "4 pairs, both directions");
    assertEquals("32-63,96-127", t.gpus().get(7).cpuAffinity());
  }

  @Test
  void tabSeparatedWithNicsKeepsTheNicColumnsAndSkipsTheNicRows() throws IOException {
    GpuTopology t = parse("topo-rtx4090-pcie-8gpu-nics.txt");
    assertEquals(8, t.gpus().size(), "NIC0 and NIC1 rows are not GPUs");
    assertEquals(8 * 9, t.links().size(), "7 GPUs + 2 NICs per GPU row");
    assertEquals("PHB", path(t, "GPU6", "NIC0"));
    assertEquals("SYS", path(t, "GPU0", "GPU7"));
    assertEquals("56-111,168-223", t.gpus().get(6).cpuAffinity());
    assertEquals("1", t.gpus().get(6).numaAffinity());
  }

  @Test
  void anOlderDriverWithOnlyTheCpuAffinityColumn() throws IOException {
    GpuTopology t = parse("topo-t4-pcie-4gpu.txt");
    assertEquals(4, t.gpus().size());
    assertEquals("NODE", path(t, "GPU1", "GPU2"));
    assertEquals("SYS", path(t, "GPU0", "GPU3"));
    assertEquals("16-31,48-63", t.gpus().get(3).cpuAffinity());
    assertNull(t.gpus().get(3).numaAffinity(), "no NUMA column in this output");
  }

  @Test
  void theLegendEndsTheMatrixAndNaIsNull() throws IOException {
    GpuTopology t = parse("topo-rtx5090-2gpu-phb.txt");
    assertEquals(List.of("GPU0", "GPU1"), t.gpus().stream().map(GpuTopology.Gpu::name).toList());
    assertEquals(2, t.links().size());
    assertEquals("PHB", path(t, "GPU1", "GPU0"));
    assertEquals("0-63", t.gpus().get(1).cpuAffinity());
  }

  @Test
  void aMatrixCutShortKeepsItsCompleteRows() throws IOException {
    GpuTopology dgx = parse("topo-dgx-a100-8gpu-12nics-first4rows.txt");
    assertEquals(4, dgx.gpus().size());
    assertEquals("NV12", path(dgx, "GPU3", "GPU7"));
    assertEquals("PXB", path(dgx, "GPU2", "NIC2"));
    assertEquals("3", dgx.gpus().get(0).numaAffinity());
    GpuTopology v100 = parse("topo-v100-dgx1-hybrid-mesh-first7rows.txt");
    assertEquals(7, v100.gpus().size());
    assertEquals("NV1", path(v100, "GPU0", "GPU3"));
    assertEquals("NV2", path(v100, "GPU0", "GPU1"));
    assertEquals("SYS", path(v100, "GPU0", "GPU5"));
    assertEquals("PIX", path(v100, "GPU2", "mlx5_0"));
  }

  @Test
  void textWithoutAMatrixSaysSo() {
    GpuTopology t = NvidiaTopo.parse("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.");
    assertNotNull(t.diagnosis());
    assertTrue(t.gpus().isEmpty());
    assertNotNull(NvidiaTopo.parse(null).diagnosis());
  }

  @Test
  void aSingleH200WithAnsiEscapesInItsHeaderHasOneGpuAndNoLink() throws IOException {
    // nvidia-smi underlines the header with escape codes even when its output goes to a file
    assertTrue(recorded("topo-h200-1gpu-ansi.txt").contains("\u001b[4m"));
    GpuTopology t = parse("topo-h200-1gpu-ansi.txt");
    assertNull(t.diagnosis());
    assertEquals(1, t.gpus().size());
    assertEquals("0-15", t.gpus().get(0).cpuAffinity());
    assertEquals("0", t.gpus().get(0).numaAffinity());
    assertEquals(List.of(), t.links());
  }

  @Test
  void tabsWithAnEmptyCpuAffinityCellKeepTheNumaNodeInItsColumn() throws IOException {
    // 4x H100: GPU1-3 have no CPU list; the cell is empty between two tabs, not missing
    GpuTopology h100 = parse("topo-h100-4gpu-tabs-empty-cpu-affinity.txt");
    assertEquals(4, h100.gpus().size());
    assertEquals("44-51,148-155", h100.gpus().get(0).cpuAffinity());
    assertEquals("0", h100.gpus().get(0).numaAffinity());
    for (int i = 1; i < 4; i++) {
      assertNull(h100.gpus().get(i).cpuAffinity(), "GPU" + i);
      assertEquals("1", h100.gpus().get(i).numaAffinity(), "GPU" + i);
    }
    assertEquals(4 * 3, h100.links().size());
    GpuTopology a100 = parse("topo-a100-4gpu-3nics-tabs-empty-cpu-affinity.txt");
    assertEquals(4, a100.gpus().size());
    assertEquals("0", a100.gpus().get(1).cpuAffinity());
    assertEquals("0", a100.gpus().get(1).numaAffinity());
    assertNull(a100.gpus().get(2).cpuAffinity());
    assertEquals("1", a100.gpus().get(3).numaAffinity());
    assertEquals("NODE", path(a100, "GPU2", "NIC1"));
    assertEquals("NV4", path(a100, "GPU3", "GPU0"));
  }

  @Test
  void aShortCpuListPaddedWithTwoTabsAndNumaNotAvailable() throws IOException {
    GpuTopology p4 = parse("topo-tesla-p4-1gpu-tabs.txt");
    assertEquals(1, p4.gpus().size());
    assertEquals("0-7", p4.gpus().get(0).cpuAffinity());
    assertNull(p4.gpus().get(0).numaAffinity(), "N/A");
  }

  @Test
  void fiveGpusPastedWithSpacesAcrossTwoNumaNodes() throws IOException {
    GpuTopology t = parse("topo-rtx4090-5gpu-spaces.txt");
    assertEquals(5, t.gpus().size());
    assertEquals("8-15,24-31", t.gpus().get(0).cpuAffinity());
    assertEquals("1", t.gpus().get(0).numaAffinity());
    assertEquals("0", t.gpus().get(4).numaAffinity());
    assertEquals("PHB", path(t, "GPU1", "GPU2"));
  }
}
