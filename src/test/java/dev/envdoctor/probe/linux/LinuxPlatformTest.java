package dev.envdoctor.probe.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.CpuInfo;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.PowerInfo;
import dev.envdoctor.model.Virtualization;
import dev.envdoctor.probe.OshiBasics;
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


  @Test
  void thisMachineIsAKvmGuestAndNotInAContainerDespiteItsDockerenv() {
    Platform p = LinuxPlatform.create(new Tool(new Recorded()), Map.of(), Path.of("/"));
    assertEquals(new Virtualization("kvm", null), p.virtualization().read());
    assertEquals(new PowerInfo(null, null), p.power().read(), "a server VM: no battery, no platform profile");
    assertEquals(Boolean.FALSE, p.translation().translated("amd64"));
    assertFalse(p.basics() instanceof OshiBasics, "OSHI's Linux side runs lshw, dmidecode and lspci");
    CpuInfo cpu = p.cpu().read(p.basics()::cpu);
    assertNull(cpu.performanceCores(), "not a hybrid CPU");
    assertEquals(Runtime.getRuntime().availableProcessors(), cpu.logicalCores());
    assertEquals("AuthenticAMD", cpu.vendor());
    assertTrue(p.gpus().read(p.basics()::gpus).isEmpty(), "this VM has no display controller");
    assertEquals("Debian GNU/Linux", p.basics().os("x86_64").name());
    assertEquals(List.of("/"), p.basics().disks().stream().map(d -> d.mount()).toList(),
        "one disk: /var/lib/docker is a bind mount of the same volume, tmpfs is no disk");
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
    write(root, "sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq", "4700000\n");
    write(root, "proc/cpuinfo", "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: 12th Gen Intel(R) Core(TM) i5-1240P\n");
    Platform p = LinuxPlatform.create(new Tool(new Recorded()), Map.of(), root);
    CpuInfo cpu = p.cpu().read(p.basics()::cpu);
    assertEquals("12th Gen Intel(R) Core(TM) i5-1240P", cpu.model());
    assertEquals(4_700_000_000L, cpu.maxFrequencyHz());
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

  @Test
  void displayControllersFromSysfsAndNvidiaSmiNamesItsOwn(@TempDir Path root) throws IOException {
    write(root, "sys/bus/pci/devices/0000:00:06.0/class", "0x030200\n");
    write(root, "sys/bus/pci/devices/0000:00:06.0/vendor", "0x10de\n");
    write(root, "sys/bus/pci/devices/0000:00:06.0/device", "0x2330\n");
    write(root, "sys/bus/pci/devices/0000:02:00.0/class", "0x030000\n");
    write(root, "sys/bus/pci/devices/0000:02:00.0/vendor", "0x1a03\n");
    write(root, "sys/bus/pci/devices/0000:02:00.0/device", "0x2000\n");
    write(root, "sys/bus/pci/devices/0000:00:1f.0/class", "0x060100\n");
    Platform p = LinuxPlatform.create(new Tool(new Recorded()), Map.of(), root);
    List<GpuInfo> bare = p.gpus().read(p.basics()::gpus);
    assertEquals(List.of("NVIDIA display controller [10de:2330] at 0000:00:06.0",
        "ASPEED display controller [1a03:2000] at 0000:02:00.0"), bare.stream().map(GpuInfo::name).toList());
    Recorded smi = new Recorded().ok("nvidia-smi/h100-q-x.xml", "nvidia-smi", "-q", "-x")
        .ok("nvidia-smi/h100-query.csv", "nvidia-smi", "--query-gpu");
    Platform withSmi = LinuxPlatform.create(new Tool(smi), Map.of(), root);
    List<GpuInfo> named = withSmi.gpus().read(withSmi.basics()::gpus);
    assertEquals(List.of("NVIDIA H100 80GB HBM3", "ASPEED display controller [1a03:2000] at 0000:02:00.0"),
        named.stream().map(GpuInfo::name).toList());
  }

  static void write(Path root, String path, String text) throws IOException {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
