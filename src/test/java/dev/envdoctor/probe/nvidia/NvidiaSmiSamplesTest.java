package dev.envdoctor.probe.nvidia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.PeakConditions;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The clock sampler's CSV: a CONSTRUCTED sample (the header as nvidia-smi's documentation names the
 * columns; the H100 figures issue #30's: 700 W cap, SM 1245-1440 of 1980), and the real log of a lent
 * H100 with the report envdoctor made in the same minute (recorded/nvidia-smi/SOURCES.md).
 */
class NvidiaSmiSamplesTest {

  private static final String CONSTRUCTED = """
      timestamp, index, clocks.current.sm [MHz], clocks.current.memory [MHz], clocks.max.sm [MHz], power.draw [W], power.limit [W], temperature.gpu, clocks_throttle_reasons.active
      2026/12/07 04:00:00.000, 0, 1980 MHz, 2619 MHz, 1980 MHz, 120.50 W, 700.00 W, 35, 0x0000000000000001
      2026/12/07 04:00:00.250, 0, 1440 MHz, 2619 MHz, 1980 MHz, 699.80 W, 700.00 W, 52, 0x0000000000000004
      2026/12/07 04:00:00.500, 0, 1245 MHz, 2619 MHz, 1980 MHz, 701.20 W, 700.00 W, 55, 0x0000000000000004
      2026/12/07 04:00:00.750, 0, 1305 MHz, 2619 MHz, 1980 MHz, 688.00 W, 700.00 W, 56, 0x0000000000000000
      2026/12/07 04:00:01.000, 0, 1980 MHz, 2619 MHz, 1980 MHz, [N/A], 700.00 W, 50, [N/A]
      2026/12/07 04:00:01.2
      """;

  private static long at(String time) {
    return LocalDateTime.parse("2026-12-07T" + time).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  @Test
  void samplesAreReadByColumnNameAndACutLineIsSkipped() {
    List<NvidiaSmiSamples.Sample> s = NvidiaSmiSamples.parse(CONSTRUCTED, ZoneOffset.UTC);
    assertEquals(5, s.size());
    assertEquals(at("04:00:00.250"), s.get(1).epochMs());
    assertEquals(1440.0, s.get(1).smMhz());
    assertEquals(0x4L, s.get(2).reasons());
    assertNull(s.get(4).powerW());
    assertNull(s.get(4).reasons());
  }

  @Test
  void aWindowUnderThePowerCapNamesItWithItsClockRange() {
    List<NvidiaSmiSamples.Sample> s = NvidiaSmiSamples.parse(CONSTRUCTED, ZoneOffset.UTC);
    PeakConditions c = NvidiaSmiSamples.over(s, 0, at("04:00:00.200"), at("04:00:00.800"));
    assertEquals(3, c.samples());
    assertEquals(List.of("sw_power_cap"), c.reasons());
    assertEquals(1245.0, c.smMhzMin());
    assertEquals(1440.0, c.smMhzMax());
    assertEquals("software power cap: 700 W (in 2 of 3 samples; draw 688-701 W), SM clock 1245-1440 of 1980 MHz",
        c.limit());
  }

  @Test
  void aWindowWithoutALimitSaysNoneWasActive() {
    List<NvidiaSmiSamples.Sample> s = NvidiaSmiSamples.parse(CONSTRUCTED, ZoneOffset.UTC);
    PeakConditions idle = NvidiaSmiSamples.over(s, 0, at("04:00:00.000"), at("04:00:00.000"));
    assertEquals(List.of("gpu_idle"), idle.reasons());
    assertTrue(idle.limit().startsWith("no clock limit was active (SM clock 1980 of 1980 MHz"), idle.limit());
    assertNull(NvidiaSmiSamples.over(s, 1, at("04:00:00.000"), at("04:00:02.000")), "no samples of GPU 1");
    assertNull(NvidiaSmiSamples.over(s, 0, at("05:00:00.000"), at("05:00:01.000")), "no samples in the window");
  }

  @Test
  void theReasonBitsAreNamedInBitOrder() {
    assertEquals(List.of("gpu_idle", "sw_power_cap", "hw_slowdown"), NvidiaSmiSamples.reasonNames(0x1 | 0x4 | 0x8));
    assertEquals(List.of("sw_thermal_slowdown", "hw_power_brake_slowdown"), NvidiaSmiSamples.reasonNames(0x20 | 0x80));
    assertTrue(NvidiaSmiSamples.parse("not csv", ZoneId.of("UTC")).isEmpty());
  }

  /**
   * The real 250 ms log of the lent H100, read whole; and each peak's conditions in the report made in
   * the same minute agree with this log read by hand over the peak's window (envdoctor's own sampler
   * ran beside nvidia-smi's, so the counts may differ by a sample at each end, the clocks by no more
   * than what those samples held).
   */
  @Test
  void theLentH100sRealLogAgreesWithTheReportOfTheSameMinute() throws Exception {
    String csv = dev.envdoctor.verify.Recorded.read("nvidia-smi/h100-sampler-lms250-2026-12-07.csv");
    List<NvidiaSmiSamples.Sample> all = NvidiaSmiSamples.parse(csv, ZoneOffset.UTC);
    assertEquals(csv.strip().lines().count() - 1, all.size(), "every sample line read");
    var peaks = dev.envdoctor.model.ReportJson.mapper().readTree(
        dev.envdoctor.verify.Recorded.read("nvidia-smi/h100-calibrate-full-peaks-2026-12-07.json")).get("peaks");
    assertEquals(4, peaks.size());
    for (var p : peaks) {
      long start = p.get("startMs").asLong();
      long end = p.get("endMs").asLong();
      // by hand: the lines whose timestamp lies in the window, their SM clock and their reasons' mask
      List<String[]> in = csv.strip().lines().skip(1).map(l -> l.split(",\\s*"))
          .filter(f -> {
            long t = LocalDateTime.parse(f[0].replace('/', '-').replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
            return t >= start && t <= end;
          }).toList();
      assertTrue(in.size() >= 5, p.get("dtype") + ": " + in.size() + " samples in its window");
      double minSm = in.stream().mapToDouble(f -> Double.parseDouble(f[2].replace(" MHz", ""))).min().orElseThrow();
      boolean capped = in.stream().anyMatch(f -> (Long.decode(f[8].strip()) & 0x4) != 0);
      PeakConditions mine = NvidiaSmiSamples.over(all, 0, start, end);
      assertEquals(in.size(), mine.samples(), "the parser's account of the window");
      assertEquals(minSm, mine.smMhzMin());
      assertEquals(capped, mine.reasons().contains("sw_power_cap"), p.get("dtype").asText());
      var recorded = p.get("conditions");
      assertTrue(Math.abs(recorded.get("samples").asInt() - in.size()) <= 2, "the run's own sampler saw the same window: "
          + recorded.get("samples") + " against " + in.size());
      assertEquals(capped, recorded.get("reasons").toString().contains("sw_power_cap"), "the report names the same limit");
    }
  }
}
