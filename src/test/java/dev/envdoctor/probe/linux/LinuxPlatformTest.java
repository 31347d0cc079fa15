package dev.envdoctor.probe.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.model.CpuInfo;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.PowerInfo;
import dev.envdoctor.model.Virtualization;
import dev.envdoctor.probe.OshiBasics;
import dev.envdoctor.probe.Platform;
import dev.envdoctor.probe.Recorded;
import dev.envdoctor.probe.Tool;
import dev.envdoctor.testing.ThisMachine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Linux platform on this real machine, and on small file trees for what this machine lacks. */
class LinuxPlatformTest {


  /**
   * The platform on this real machine, each fact against the machine's own tools at test time
   * (never a literal of the machine it was written on: CI may be another VM, CPU or disk layout).
   */
  @Test
  void thisMachineAgreesWithItsOwnTools() {
    Platform p = LinuxPlatform.create(new Tool(new ProcessRunner()), System.getenv(), Path.of("/"));
    Virtualization v = p.virtualization().read();
    ThisMachine.assertVmAgrees(v.vm());
    ThisMachine.assertContainerAgrees(v.container());
    assertFalse(p.basics() instanceof OshiBasics, "OSHI's Linux side runs lshw, dmidecode and lspci");
    CpuInfo cpu = p.cpu().read(p.basics()::cpu);
    assertEquals(ThisMachine.onlineCpus(), cpu.logicalCores(), "getconf _NPROCESSORS_ONLN");
    String vendor = ThisMachine.lscpu("Vendor ID");
    if (vendor == null) {
      ThisMachine.note("lscpu is missing: the CPU vendor is only checked to be named");
      assertNotNull(cpu.vendor());
    } else {
      assertEquals(vendor, cpu.vendor(), "lscpu's Vendor ID");
    }
    assertEquals(ThisMachine.osRelease("NAME"), p.basics().os(System.getProperty("os.arch")).name());
    Set<String> df = ThisMachine.diskMounts();
    assertNotNull(df, "df failed");
    assertEquals(df, Set.copyOf(p.basics().disks().stream().map(d -> d.mount()).toList()),
        "df lists each block device once, as the probe counts a bind mount of the same volume once");
    long displays = ThisMachine.run("sh", "-c", "cat /sys/bus/pci/devices/*/class 2>/dev/null").stdoutLines().stream()
        .filter(c -> c.startsWith("0x03")).count();
    assertEquals(displays, p.gpus().read(p.basics()::gpus).size(), "one GPU entry per PCI display controller");
    long batteries = ThisMachine.run("sh", "-c", "cat /sys/class/power_supply/*/type 2>/dev/null").stdoutLines().stream()
        .filter("Battery"::equals).count();
    assertEquals(batteries == 0, p.power().read().onBattery() == null, "on battery is unknown exactly without a battery");
  }

  /**
   * ENVDOCTOR_HOST_ROOT: the host's files mounted under a folder, as the image's DaemonSet does. The
   * tree here is constructed; the image's own run is tested in scripts/test-archive.sh.
   */
  @Test
  void theHostRootVariableReadsTheHostsFilesUnderIt(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/os-release"), "NAME=\"Host Linux\"\nVERSION_ID=\"24.04\"\n");
    Files.createDirectories(root.resolve("proc"));
    Files.writeString(root.resolve("proc/meminfo"), "MemTotal:       1048576 kB\nMemAvailable:    524288 kB\n");
    if (!"linux".equals(Platform.family(System.getProperty("os.name")))) {
      return; // the variable is read by the Linux platform only
    }
    Platform p = Platform.current(new ProcessRunner(), Map.of(Platform.HOST_ROOT, root.toString()));
    assertEquals("Host Linux", p.basics().os("x86_64").name());
    assertEquals("24.04", p.basics().os("x86_64").version());
    assertEquals(1L << 30, p.basics().memory().totalBytes());
    assertEquals(Path.of("/"), Platform.hostRoot(Map.of(Platform.HOST_ROOT, " ")));
    assertEquals(Path.of("/"), Platform.hostRoot(Map.of()));
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
