package dev.envdoctor.interconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.GpuTopology;
import dev.envdoctor.probe.Recorded;
import org.junit.jupiter.api.Test;

/** nvidia-smi topo -m fetched through the one runner, replayed from recorded real outputs. */
class InterconnectRunTest {

  @Test
  void theTopologyComesFromNvidiaSmiTopoM() {
    Recorded smi = new Recorded().ok("nvidia-smi/topo-h100-hgx-8gpu.txt", "nvidia-smi", "topo", "-m");
    GpuTopology t = new InterconnectRun(smi).topology();
    assertEquals(8, t.gpus().size());
    assertNull(t.diagnosis());
  }

  @Test
  void withoutNvidiaSmiThereIsNoTopology() {
    assertNull(new InterconnectRun(new Recorded()).topology());
  }

  @Test
  void theScriptShipsInTheJarAndStartsItsRanksFromItsOwnSource() {
    String script = InterconnectRun.script();
    assertTrue(script.contains("PROTOCOL = \"envdoctor/interconnect/v1\""));
    assertTrue(InterconnectRun.LOADER.contains("'__envdoctor_source__': src"));
    assertTrue(script.contains("'__envdoctor_source__': src"), "the ranks' loader passes the same source on");
  }
}
