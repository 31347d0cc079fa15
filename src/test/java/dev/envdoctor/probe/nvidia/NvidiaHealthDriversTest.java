package dev.envdoctor.probe.nvidia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.envdoctor.model.GpuHealth;
import dev.envdoctor.probe.Recorded;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * nvidia-smi -q -x of desktop and workstation boards on drivers 418 to 590 (telegraf's testdata,
 * recorded/nvidia-smi/SOURCES.md): idle boards drop their link generation, which is no fault; a
 * narrower link than the card's is.
 */
class NvidiaHealthDriversTest {

  private static List<GpuHealth> parse(String file) {
    return NvidiaHealthXml.parse(Recorded.text("nvidia-smi/" + file));
  }

  @Test
  void idleBoardsAtALowerGenerationAreHealthyOnEveryDriver() {
    for (String f : List.of("telegraf-rtx3090-v12.xml", "telegraf-rtx3060-v12.xml", "telegraf-gtx1660ti-418.xml",
        "telegraf-quadro-p400.xml", "telegraf-quadro-p2000-v12.xml", "telegraf-dual-rtx2070-v13.xml")) {
      List<GpuHealth> gpus = parse(f);
      assertFalse(gpus.isEmpty(), f);
      for (GpuHealth g : gpus) {
        assertEquals("P8", g.performanceState(), f);
        assertEquals(Integer.valueOf(1), g.pcieGenCurrent(), f);
        assertEquals(Boolean.FALSE, g.pcieGenDegraded(), f);
      }
    }
  }

  @Test
  void aNarrowLinkIsFlaggedIdleOrNot() {
    assertEquals(Boolean.TRUE, parse("telegraf-quadro-p2000-v12.xml").get(0).pcieWidthDegraded(), "x8 of x16");
    List<GpuHealth> two = parse("telegraf-dual-rtx2070-v13.xml");
    assertEquals(List.of("0000:01:00", "0000:02:00"), two.stream().map(GpuHealth::pciBusId).toList());
    assertEquals(List.of(true, true), two.stream().map(GpuHealth::pcieWidthDegraded).toList(), "both x8 of x16");
    assertEquals(Boolean.FALSE, parse("telegraf-rtx3090-v12.xml").get(0).pcieWidthDegraded());
  }

  @Test
  void aGt1030AtP0WithGpuIdleIsAtItsFullGen3X4() {
    GpuHealth g = parse("telegraf-gt1030-470.xml").get(0);
    assertEquals("P0", g.performanceState());
    assertEquals(Boolean.FALSE, g.pcieGenDegraded());
    assertEquals(Boolean.FALSE, g.pcieWidthDegraded(), "x4 is this card's own width");
  }
}
