package dev.envdoctor.interconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BusBandwidthTest {

  @Test
  void theBusFactorIsTwoTimesNMinusOneOverN() {
    assertEquals(0.0, BusBandwidth.allReduceFactor(1), "one rank: nothing crosses a link");
    assertEquals(1.0, BusBandwidth.allReduceFactor(2));
    assertEquals(1.5, BusBandwidth.allReduceFactor(4));
    assertEquals(1.75, BusBandwidth.allReduceFactor(8));
    assertEquals(0.0, BusBandwidth.allReduceFactor(0));
  }

  @Test
  void algbwIsBytesOverSecondsInGigabytes() {
    assertEquals(1.073741824, BusBandwidth.algGBps(1L << 30, 1.0), 1e-12);
    assertEquals(4.0, BusBandwidth.algGBps(2_000_000_000L, 0.5), 1e-12);
    assertNull(BusBandwidth.algGBps(1024, null));
    assertNull(BusBandwidth.algGBps(1024, 0.0));
    assertNull(BusBandwidth.allReduceBusGBps(null, 8));
  }

  /**
   * A real all_reduce_perf line (https://github.com/NVIDIA/nccl/issues/1453): 4194304 bytes in
   * 622.6 µs, algbw 6.74, busbw 12.91 GB/s. The paste does not show its rank count; 24 ranks is the
   * one whose factor (46/24) gives that busbw.
   */
  @Test
  void matchesARealNcclTestsLine() {
    Double alg = BusBandwidth.algGBps(4194304L, 622.6e-6);
    assertEquals(6.74, alg, 0.005);
    assertEquals(12.91, BusBandwidth.allReduceBusGBps(alg, 24), 0.01);
  }

  @Test
  void linkRatesPerDirection() {
    assertEquals(450.0, LinkRates.nvlinkGBps(18, "9.0"), "H100/H200 NVLink4");
    assertEquals(300.0, LinkRates.nvlinkGBps(12, "8.0"), "A100 NVLink3");
    assertEquals(900.0, LinkRates.nvlinkGBps(18, "10.0"), "B200 NVLink5");
    assertEquals(25.0, LinkRates.nvlinkGBps(1, null));
    assertEquals(63.0, LinkRates.pcieGBps("Gen5 x16"), 0.01);
    assertEquals(31.5, LinkRates.pcieGBps("Gen4 x16"), 0.01);
    assertEquals(15.75, LinkRates.pcieGBps("Gen4 x8"), 0.01);
    assertEquals(15.76, LinkRates.pcieGBps("Gen3 x16"), 0.01);
    assertNull(LinkRates.pcieGBps("unknown"));
    assertNull(LinkRates.pcieGBps(null));
  }
}
