package dev.envdoctor.probe.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.probe.Recorded;
import java.nio.file.Path;
import java.util.List;
import dev.envdoctor.testing.ThisMachine;
import org.junit.jupiter.api.Test;

class CpuinfoTest {

  @Test
  void sapphireRapidsGuestOfTheGpuMachineHasAmxAndIsAGuest() {
    Cpuinfo c = Cpuinfo.parse(Recorded.text("linux/h100-vm-cpuinfo-flags.txt"));
    assertTrue(c.hypervisor());
    assertEquals(List.of("sse4_2", "avx", "avx2", "fma", "f16c", "avx512f", "avx512dq", "avx512cd", "avx512bw",
        "avx512vl", "avx512_vnni", "avx512_bf16", "avx512_fp16", "avx_vnni", "amx_tile", "amx_bf16", "amx_int8"),
        c.mlFeatures());
  }

  @Test
  void armFeaturesLine() {
    Cpuinfo c = Cpuinfo.parse(Recorded.text("linux/neoverse-n2-cpuinfo.txt"));
    assertFalse(c.hypervisor());
    assertEquals("ARM", c.vendor(), "from the implementer code");
    assertEquals(1, c.logicalCpus(), "one processor block");
    assertEquals(1, c.physicalCores(), "no core ids on arm64: one core per CPU");
    assertEquals(List.of("asimd", "asimdhp", "asimddp", "fphp", "sve", "sve2", "bf16", "i8mm"), c.mlFeatures());
  }

  @Test
  void thisMachinesRealCpuinfoAgreesWithLscpu() {
    Cpuinfo c = Cpuinfo.parse(new LinuxFiles(Path.of("/")).read("/proc/cpuinfo"));
    assertEquals(ThisMachine.onlineCpus(), c.logicalCpus(), "getconf _NPROCESSORS_ONLN");
    String flags = ThisMachine.lscpu("Flags");
    if (flags == null) {
      ThisMachine.note("lscpu is missing or prints no Flags: checking only that the CPU's features parse");
      assertFalse(c.flags().isEmpty());
      return;
    }
    java.util.Set<String> lscpuFlags = java.util.Set.of(flags.split("\\s+"));
    assertEquals(lscpuFlags.contains("hypervisor"), c.hypervisor(), "lscpu's Flags");
    assertTrue(lscpuFlags.containsAll(c.mlFeatures()), c.mlFeatures() + " not all in lscpu's " + lscpuFlags);
  }

  @Test
  void nothingReadableIsNoFeatures() {
    assertTrue(Cpuinfo.parse(null).mlFeatures().isEmpty());
    assertTrue(CpuList.parse("garbage,3").contains(3));
    assertEquals(java.util.Set.of(0, 1, 2, 5), CpuList.parse("0-2,5\n"));
  }

  @Test
  void osReleaseAndMountEscapes() {
    var rel = LinuxBasics.osRelease("NAME=\"Ubuntu\"\nVERSION_ID=\"24.04\"\n# comment\nID=ubuntu\n");
    assertEquals("Ubuntu", rel.get("NAME"));
    assertEquals("24.04", rel.get("VERSION_ID"));
    assertEquals("/media/My Disk", LinuxBasics.unescape("/media/My\\040Disk"));
  }
}
