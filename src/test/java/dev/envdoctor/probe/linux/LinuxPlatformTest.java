package dev.envdoctor.probe.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.envdoctor.model.CpuInfo;
import dev.envdoctor.model.PowerInfo;
import dev.envdoctor.model.Virtualization;
import dev.envdoctor.probe.Platform;
import dev.envdoctor.probe.Recorded;
import dev.envdoctor.probe.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Linux platform on this real machine, and on small file trees for what this machine lacks. */
class LinuxPlatformTest {

  private static final CpuInfo BASIC = new CpuInfo("x", "GenuineIntel", 3, 6, null, null, null, List.of());

  @Test
  void thisMachineIsAKvmGuestAndNotInAContainerDespiteItsDockerenv() {
    Platform p = LinuxPlatform.create(new Tool(new Recorded()), Map.of(), Path.of("/"));
    assertEquals(new Virtualization("kvm", null), p.virtualization().read());
    assertEquals(new PowerInfo(null, null), p.power().read(), "a server VM: no battery, no platform profile");
    assertEquals(Boolean.FALSE, p.translation().translated("amd64"));
    assertNull(p.cpu().refine(BASIC).performanceCores(), "not a hybrid CPU");
  }

  @Test
  void intelHybridCoresFromThePmuFolders(@TempDir Path root) throws IOException {
    // two SMT P-cores (cpus 0-3) and two E-cores (4-5), as an Alder Lake kernel lays them out
    write(root, "sys/devices/cpu_core/cpus", "0-3\n");
    write(root, "sys/devices/cpu_atom/cpus", "4-5\n");
    int[] coreOf = {0, 0, 4, 4, 8, 9};
    for (int cpu = 0; cpu < coreOf.length; cpu++) {
      write(root, "sys/devices/system/cpu/cpu" + cpu + "/topology/core_id", coreOf[cpu] + "\n");
      write(root, "sys/devices/system/cpu/cpu" + cpu + "/topology/physical_package_id", "0\n");
    }
    CpuInfo cpu = LinuxPlatform.create(new Tool(new Recorded()), Map.of(), root).cpu().refine(BASIC);
    assertEquals(2, cpu.performanceCores());
    assertEquals(2, cpu.efficiencyCores());
  }

  @Test
  void aLaptopOnBatteryInLowPowerProfile(@TempDir Path root) throws IOException {
    write(root, "sys/class/power_supply/AC/type", "Mains\n");
    write(root, "sys/class/power_supply/AC/online", "0\n");
    write(root, "sys/class/power_supply/BAT0/type", "Battery\n");
    write(root, "sys/class/power_supply/BAT0/status", "Discharging\n");
    write(root, "sys/firmware/acpi/platform_profile", "low-power\n");
    Platform p = LinuxPlatform.create(new Tool(new Recorded()), Map.of(), root);
    assertEquals(new PowerInfo(true, true), p.power().read());
    write(root, "sys/class/power_supply/AC/online", "1\n");
    write(root, "sys/firmware/acpi/platform_profile", "balanced\n");
    assertEquals(new PowerInfo(false, false), p.power().read());
  }

  @Test
  void anX86JvmUnderRosettaForLinux(@TempDir Path root) throws IOException {
    write(root, "proc/sys/fs/binfmt_misc/rosetta", "enabled\ninterpreter /mnt/lima-rosetta/rosetta\n");
    Platform p = LinuxPlatform.create(new Tool(new Recorded()), Map.of(), root);
    assertEquals(Boolean.TRUE, p.translation().translated("amd64"));
    assertEquals(Boolean.FALSE, p.translation().translated("aarch64"));
  }

  static void write(Path root, String path, String text) throws IOException {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
