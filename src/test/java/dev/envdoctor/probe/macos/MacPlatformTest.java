package dev.envdoctor.probe.macos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandResult.Status;
import dev.envdoctor.model.CpuInfo;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.PowerInfo;
import dev.envdoctor.model.Virtualization;
import dev.envdoctor.probe.Platform;
import dev.envdoctor.probe.Recorded;
import dev.envdoctor.probe.Tool;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The macOS platform end to end (fetch through the runner, parse, decide) on recorded real outputs. */
class MacPlatformTest {

  /** What OSHI reports on an M-series Mac before the platform refines it. */
  private static final CpuInfo OSHI_M4 = new CpuInfo("Apple M4 Max", "Apple Inc.", 16, 16, null, null, null, List.of());

  private static Platform mac(Recorded r) {
    return MacPlatform.create(new Tool(r));
  }

  @Test
  void m4MaxHasTwelvePerformanceAndFourEfficiencyCoresAndItsArmFeatures() {
    Platform p = mac(new Recorded().ok("sysctl/darwin-sequoia-m4max.txt", "sysctl"));
    CpuInfo cpu = p.cpu().read(() -> OSHI_M4);
    assertEquals(12, cpu.performanceCores());
    assertEquals(4, cpu.efficiencyCores());
    assertEquals("Apple M4 Max", cpu.model());
    assertEquals(List.of("asimd", "asimddp", "fphp", "bf16", "i8mm", "sme", "sme2"), cpu.features());
    assertEquals(Boolean.FALSE, p.translation().translated("aarch64"));
    assertEquals(new Virtualization(null, null), p.virtualization().read());
  }

  @Test
  void m5SuperCoresCountAsPerformanceCores() {
    CpuInfo cpu = mac(new Recorded().ok("sysctl/darwin-tahoe-m5.txt", "sysctl")).cpu().read(() -> OSHI_M4);
    assertEquals(4, cpu.performanceCores());
    assertEquals(6, cpu.efficiencyCores());
    assertEquals("Apple M5", cpu.model());
  }

  @Test
  void anX86JvmOnAppleSiliconIsTranslatedByRosetta() {
    Platform p = mac(new Recorded().ok("sysctl/rosetta2-monterey-m1.txt", "sysctl"));
    assertEquals(Boolean.TRUE, p.translation().translated("x86_64"));
    CpuInfo cpu = p.cpu().read(() -> OSHI_M4);
    assertEquals(4, cpu.performanceCores());
    assertEquals("Apple M1", cpu.model());
  }

  @Test
  void procTranslatedOneMeansTranslatedWhateverTheArch() {
    Platform p = mac(new Recorded().answer(Status.OK, 0, "sysctl.proc_translated: 1\n", "sysctl"));
    assertEquals(Boolean.TRUE, p.translation().translated("aarch64"));
  }

  @Test
  void oneSysctlCallServesCpuRosettaAndVirtualization() {
    Recorded r = new Recorded().ok("sysctl/darwin-sequoia-m4max.txt", "sysctl");
    Platform p = mac(r);
    p.cpu().read(() -> OSHI_M4);
    p.translation().translated("aarch64");
    p.virtualization().read();
    assertEquals(1, r.calls("sysctl"));
  }

  @Test
  void anIntelMacNamesUnknownOidsYetPrintsTheRestAndItIsStillRead() {
    // sysctl exits 1 on an unknown name (no hw.perflevel0 on Intel) but prints every name it knows
    Platform p = mac(new Recorded().answer(Status.FAILED, 1,
        "machdep.cpu.brand_string: Intel(R) Core(TM) i9-9880H CPU @ 2.30GHz\nhw.optional.avx2_0: 1\n", "sysctl"));
    CpuInfo cpu = p.cpu().read(() -> OSHI_M4);
    assertEquals("Intel(R) Core(TM) i9-9880H CPU @ 2.30GHz", cpu.model());
    assertNull(cpu.performanceCores());
    assertEquals(List.of("avx2"), cpu.features());
    assertEquals(Boolean.FALSE, p.translation().translated("x86_64"));
  }

  @Test
  void aMacGuestSaysWhoseHypervisorItIs() {
    Platform p = mac(new Recorded().answer(Status.OK, 0, "hw.model: VirtualMac2,1\nkern.hv_vmm_present: 1\n", "sysctl"));
    assertEquals(new Virtualization("apple", null), p.virtualization().read());
  }

  @Test
  void appleGpuCoresComeFromSystemProfiler() {
    Platform p = mac(new Recorded().ok("system_profiler/constructed-apple-m1-pro.json", "system_profiler"));
    List<GpuInfo> gpus = p.gpus().read(() -> {
      throw new AssertionError("OSHI's cards are not read on macOS: it would run system_profiler again");
    });
    assertEquals(1, gpus.size());
    assertEquals("Apple M1 Pro", gpus.get(0).name());
    assertEquals("Apple", gpus.get(0).vendor());
    assertEquals(16, gpus.get(0).cores());
    assertNull(gpus.get(0).memoryBytes(), "unified memory: no VRAM of its own");
  }

  @Test
  void onBatteryWithLowPowerModeOn() {
    Platform p = mac(new Recorded().ok("pmset/batt-on-battery.txt", "pmset", "-g", "batt")
        .ok("pmset/constructed-g-lowpowermode1.txt", "pmset", "-g"));
    assertEquals(new PowerInfo(true, true), p.power().read());
  }

  @Test
  void onAcWithLowPowerModeOff() {
    Platform p = mac(new Recorded().ok("pmset/batt-ac-charging.txt", "pmset", "-g", "batt")
        .ok("pmset/g-m1-lowpowermode0.txt", "pmset", "-g"));
    assertEquals(new PowerInfo(false, false), p.power().read());
  }

  @Test
  void missingFailingAndHangingToolsLeaveFactsUnknownAndNeverThrow() {
    Platform missing = mac(new Recorded());
    assertEquals(new PowerInfo(null, null), missing.power().read());
    assertTrue(missing.gpus().read(List::of).isEmpty());
    assertNull(missing.translation().translated("x86_64"));
    assertEquals(OSHI_M4.model(), missing.cpu().read(() -> OSHI_M4).model());

    Platform hanging = mac(new Recorded().answer(Status.TIMED_OUT, -1, "", "system_profiler")
        .answer(Status.TIMED_OUT, -1, "", "pmset").answer(Status.SIGNALLED, 137, "", "sysctl"));
    assertTrue(hanging.gpus().read(List::of).isEmpty());
    assertEquals(new PowerInfo(null, null), hanging.power().read());
    assertNull(hanging.cpu().read(() -> OSHI_M4).performanceCores());

    Platform garbage = mac(new Recorded().answer(Status.OK, 0, "{not json", "system_profiler"));
    assertFalse(garbage.gpus().read(List::of).iterator().hasNext());
  }
}
