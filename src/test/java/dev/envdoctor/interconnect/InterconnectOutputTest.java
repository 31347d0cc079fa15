package dev.envdoctor.interconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Interconnect;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The script's real outputs (recorded/envdoctor-interconnect, SOURCES.md), parsed into interconnect[]. */
class InterconnectOutputTest {

  static String recorded(String name) {
    return dev.envdoctor.probe.Recorded.text("envdoctor-interconnect/" + name);
  }

  static List<Interconnect> entries(String name) throws Exception {
    return InterconnectOutput.parse(recorded(name)).entries("native");
  }

  @Test
  void aGlooSweepBecomesOneEntryPerSizeWithItsBandwidthsRecomputed() throws Exception {
    List<Interconnect> e = entries("gloo-2ranks.json");
    assertEquals(List.of(65536L, 262144L, 1048576L), e.stream().map(Interconnect::bytes).toList(),
        "no GPUs: no p2p entries");
    for (Interconnect i : e) {
      assertEquals("gloo", i.backend());
      assertEquals(2, i.ranks());
      assertEquals(List.of("cpu", "cpu"), i.devices());
      assertEquals(Boolean.TRUE, i.correct());
      assertEquals(i.bytes() / i.seconds() / 1e9, i.algGBps(), 1e-12);
      assertEquals(i.algGBps(), i.busGBps(), 1e-12);
    }
  }

  @Test
  void thePlantedWrongSumIsAWrongSum() throws Exception {
    for (Interconnect i : entries("gloo-2ranks-planted-wrong-sum.json")) {
      assertEquals(Boolean.FALSE, i.correct());
      assertEquals("wrong sum: 1 elements differ from the expected sum of 2 ranks", i.diagnosis());
    }
  }

  @Test
  void somethingElseOnStdoutIsNotOurs() {
    assertThrows(InterconnectOutput.NotOurs.class, () -> InterconnectOutput.parse("{\"protocol\": \"x\"}"));
    assertThrows(InterconnectOutput.NotOurs.class, () -> InterconnectOutput.parse("Traceback (most recent"));
  }

  /** A run that died: the ranks' diagnosis and last stderr lines become one entry. */
  @Test
  void aFailedRunIsOneEntryWithItsDiagnosis() throws Exception {
    String json = "{\"protocol\": \"envdoctor/interconnect/v1\", \"allReduce\": {\"backend\": \"nccl\", \"ranks\": 8,"
        + " \"results\": [], \"diagnosis\": \"rank 3 exited with 1: the other ranks were killed\","
        + " \"stderrTail\": [\"torch.distributed.DistBackendError: NCCL error\"]}}";
    List<Interconnect> e = InterconnectOutput.parse(json).entries("native");
    assertEquals(1, e.size());
    assertTrue(e.get(0).diagnosis().startsWith("rank 3 exited with 1"), e.get(0).diagnosis());
    assertTrue(e.get(0).diagnosis().contains("NCCL error"));
  }
}
