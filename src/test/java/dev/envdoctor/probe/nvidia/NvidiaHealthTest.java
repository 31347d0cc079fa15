package dev.envdoctor.probe.nvidia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.GpuHealth;
import dev.envdoctor.probe.Recorded;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GPU health facts parsed from recorded real nvidia-smi -q -x outputs and kernel logs (SOURCES.md). */
class NvidiaHealthTest {

  private static GpuHealth only(String file) {
    List<GpuHealth> all = NvidiaHealthXml.parse(Recorded.text("nvidia-smi/" + file));
    assertEquals(1, all.size(), file);
    return all.get(0);
  }

  @Test
  void anA10gAtGen1X8OfGen4X16IsNarrowWhileItsIdleGenerationDropIsNormal() {
    GpuHealth h = only("telegraf-a10g.xml");
    assertEquals(1, h.pcieGenCurrent());
    assertEquals(4, h.pcieGenMax());
    assertEquals(8, h.pcieWidthCurrent());
    assertEquals(16, h.pcieWidthMax());
    assertTrue(h.pcieWidthDegraded(), "x8 of x16 is a fault");
    assertFalse(h.pcieGenDegraded(), "Gen1 at idle (P8, gpu_idle active) is not");
    assertTrue(h.idle());
    assertEquals("P8", h.performanceState());
    assertEquals(List.of(), h.throttleReasons(), "gpu_idle is in idle, not a throttle reason");
    assertEquals("0000:00:1e", h.pciBusId());
    assertEquals(0L, h.eccVolatileUncorrected());
    assertEquals(0, h.remappedRowsCorrectable());
    assertFalse(h.remappedRowsPending());
    assertNull(h.retiredPagesSingleBit(), "N/A on Ampere: row remapping instead");
    assertNull(h.xidErrors(), "no kernel log read");
  }

  @Test
  void theH200AndTheA100RunTheirFullLinkWithNoErrors() {
    for (String f : List.of("h200-q-x.xml", "telegraf-a100-sxm4-v12.xml", "h100-q-x.xml")) {
      GpuHealth h = only(f);
      assertFalse(h.pcieWidthDegraded(), f);
      assertFalse(h.pcieGenDegraded(), f);
      assertEquals(0L, h.eccVolatileUncorrected(), f);
      assertEquals(0L, h.eccAggregateUncorrected(), f);
      assertFalse(Boolean.TRUE.equals(h.remapFailure()), f);
      assertEquals(16, h.pcieWidthMax(), f);
    }
    assertEquals(5, only("h200-q-x.xml").pcieGenCurrent());
    assertEquals("0000:00:06", only("h200-q-x.xml").pciBusId());
  }

  @Test
  void aT4AtX8OfX16IsNarrowAndItsRetirementCountersAreRead() {
    GpuHealth h = only("telegraf-tesla-t4.xml");
    assertTrue(h.pcieWidthDegraded());
    assertEquals(0, h.retiredPagesSingleBit());
    assertEquals(0, h.retiredPagesDoubleBit());
    assertFalse(h.retiredPagesPending());
  }

  /** Constructed from the real A10G recording: two counters and two flags edited, everything else as recorded. */
  @Test
  void errorCountsAndPendingRemapsAreReadFromAnEditedRecording() {
    String xml = Recorded.text("nvidia-smi/telegraf-a10g.xml")
        .replaceFirst("<dram_uncorrectable>0</dram_uncorrectable>", "<dram_uncorrectable>2</dram_uncorrectable>")
        .replaceFirst("<sram_correctable>0</sram_correctable>", "<sram_correctable>5</sram_correctable>")
        .replace("<remapped_row_pending>No</remapped_row_pending>", "<remapped_row_pending>Yes</remapped_row_pending>")
        .replace("<clocks_throttle_reason_hw_thermal_slowdown>Not Active", "<clocks_throttle_reason_hw_thermal_slowdown>Active");
    GpuHealth h = NvidiaHealthXml.parse(xml).get(0);
    assertEquals(2L, h.eccVolatileUncorrected());
    assertEquals(5L, h.eccVolatileCorrected());
    assertEquals(0L, h.eccAggregateUncorrected(), "only the volatile section was edited");
    assertTrue(h.remappedRowsPending());
    assertEquals(List.of("hw_thermal_slowdown"), h.throttleReasons());
  }

  @Test
  void notXmlGivesNoGpus() {
    assertEquals(List.of(), NvidiaHealthXml.parse("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver."));
    assertEquals(List.of(), NvidiaHealthXml.parse(null));
  }

  @Test
  void xidsAreCountedPerGpuFromEachKernelLogFormat() {
    Map<String, List<GpuHealth.Xid>> dmesgT = KernelLogXid.parse(Recorded.text("kernel-log/nvidia-docker-849-xid-48-63.txt"));
    assertEquals(List.of(48, 63), dmesgT.get("0000:8a:00").stream().map(GpuHealth.Xid::code).toList());
    Map<String, List<GpuHealth.Xid>> ctime = KernelLogXid.parse(Recorded.text("kernel-log/gpud-pr46-xid-13-109.txt"));
    assertEquals(3, ctime.get("0000:cb:00").get(0).count(), "three XID 13 lines");
    assertEquals(109, ctime.get("0000:cb:00").get(1).code());
    assertTrue(ctime.get("0000:cb:00").get(1).lastMessage().contains("CTX SWITCH TIMEOUT"));
    Map<String, List<GpuHealth.Xid>> journal = KernelLogXid.parse(Recorded.text("kernel-log/open-gpu-kernel-modules-1150-journal-xid-45.txt"));
    assertEquals(4, journal.size(), "four GPUs");
    assertEquals(2, journal.get("0000:dc:00").get(0).count());
    assertEquals(Map.of(), KernelLogXid.parse(Recorded.text("kernel-log/h200-dmesg.txt")), "NVRM lines but no XID");
  }

  @Test
  void aGpuGetsItsOwnXidsAnEmptyListWhenTheLogHasNoneAndNullWithoutALog() {
    GpuHealth h200 = only("h200-q-x.xml");
    assertEquals(List.of(), KernelLogXid.attach(List.of(h200), Recorded.text("kernel-log/h200-dmesg.txt")).get(0).xidErrors());
    assertNull(KernelLogXid.attach(List.of(h200), null).get(0).xidErrors());
    // constructed pairing: the H200's facts with the bus address of the GPU in the nvidia-docker log
    GpuHealth at8a = new GpuHealth("0000:8a:00", null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null);
    var xids = KernelLogXid.attach(List.of(at8a, h200), Recorded.text("kernel-log/nvidia-docker-849-xid-48-63.txt"));
    assertEquals(2, xids.get(0).xidErrors().size());
    assertEquals(List.of(), xids.get(1).xidErrors());
  }

  @Test
  void busIdsAreWrittenAsTheKernelLogWritesThem() {
    assertEquals("0000:3b:00", NvidiaHealthXml.busId("00000000:3B:00.0"));
    assertEquals("0001:01:00", NvidiaHealthXml.busId("00000001:01:00.0"));
    assertNull(NvidiaHealthXml.busId(""));
  }

  @Test
  void aLowerGenerationIsDegradedOnlyWhenBusyOrCappedBySlot() {
    // literals, not a recording: no real board capped by its slot was found; the idle P8 case has one below
    assertEquals(Boolean.FALSE, NvidiaHealthXml.genDegraded(1, 3, 3, "P8", false), "idle P8, no gpu_idle reason");
    assertEquals(Boolean.TRUE, NvidiaHealthXml.genDegraded(1, 4, 4, "P0", false), "busy at Gen1 of Gen4");
    assertEquals(Boolean.TRUE, NvidiaHealthXml.genDegraded(1, 3, 4, "P8", true), "slot Gen3 under a Gen4 card");
    assertEquals(Boolean.FALSE, NvidiaHealthXml.genDegraded(4, 4, 4, "P0", false));
    assertNull(NvidiaHealthXml.genDegraded(1, 4, null, null, null), "no state: unknown");
  }

  @Test
  void idleGeForceBoardsAtGen1AreNotDegradedWhateverTheirClockReason() {
    // RTX 3090, driver 590.44.01, P8 at Gen1 of Gen4 with sw_power_cap active and gpu_idle not: healthy
    GpuHealth g3090 = only("telegraf-rtx3090-v13-p8-sw-power-cap.xml");
    assertEquals("P8", g3090.performanceState());
    assertEquals(List.of("sw_power_cap"), g3090.throttleReasons());
    assertEquals(Boolean.FALSE, g3090.pcieGenDegraded());
    for (GpuHealth g : NvidiaHealthXml.parse(Recorded.text("nvidia-smi/telegraf-dual-rtx2080-v13.xml"))) {
      assertEquals(Boolean.FALSE, g.pcieGenDegraded(), g.pciBusId());
    }
    assertEquals(Boolean.FALSE, only("telegraf-rtx4000-sff-ada-v13.xml").pcieGenDegraded());
    GpuHealth busy = only("telegraf-rtx3080-v13-p2.xml");
    assertEquals("P2", busy.performanceState());
    assertEquals(Boolean.FALSE, busy.pcieGenDegraded(), "busy at its full Gen4");
  }

  @Test
  void theLentH100UnderItsPeakTestIsBusyAtItsFullGeneration() {
    // recorded 8 s into the bf16 matmul on the lent H100 (issue #30's GPU run): P0, Gen5 of Gen5
    GpuHealth h = only("h100-q-x-busy-p0-2026-12-07.xml");
    assertEquals("P0", h.performanceState());
    assertEquals(Boolean.FALSE, h.pcieGenDegraded(), "busy at its full generation: no warning");
  }
}
