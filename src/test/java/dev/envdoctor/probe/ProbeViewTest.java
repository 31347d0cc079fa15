package dev.envdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.run.Console;
import dev.envdoctor.run.OutputMode;
import dev.envdoctor.run.RunOptions;
import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.model.CpuInfo;
import dev.envdoctor.model.DiskInfo;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.Host;
import dev.envdoctor.model.Jvm;
import dev.envdoctor.model.MemoryInfo;
import dev.envdoctor.model.OsInfo;
import dev.envdoctor.model.PowerInfo;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.Tool;
import dev.envdoctor.model.Virtualization;
import dev.envdoctor.probe.nvidia.NvidiaSmiXml;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProbeViewTest {

  private static final OsInfo MACOS = new OsInfo("macos", "macOS", "15.3", "24D60", "arm64");
  private static final CpuInfo M4 = new CpuInfo("Apple M4 Max", "Apple Inc.", 16, 16, 12, 4, null, List.of("asimd", "bf16"));

  private static String render(Host host, Jvm jvm, boolean verbose) {
    StringWriter buf = new StringWriter();
    PrintWriter out = new PrintWriter(buf, true);
    OutputMode o = new OutputMode(false, verbose);
    RunContext ctx = new RunContext(out, out, new Console(out, false), new Recorded(), Clock.systemUTC(), Map.of(),
        o, RunOptions.defaults(), Set.of(Phase.PROBE));
    Report r = Report.empty(new Tool("envdoctor", "test"), "2026-11-25T00:00:00Z").withHost(host).withJvm(jvm);
    new ProbeView().print(r, ctx);
    return buf.toString();
  }

  private static Host mac(PowerInfo power) {
    return new Host(MACOS, M4, new MemoryInfo(64L << 30, 40L << 30), List.of(new DiskInfo("/", 1000L << 30, 5L << 30)),
        List.of(GpuInfo.basic("Apple M4 Max", "Apple", null, null, null, 40)), power, new Virtualization(null, null));
  }

  @Test
  void aRosettaJvmOnAnM4WithBatteryAndLowPowerModeIsWarnedAbout() {
    String s = render(mac(new PowerInfo(true, true)), new Jvm("17.0.15", "Eclipse Adoptium", "x86_64", true, "/jdk"), false);
    assertTrue(s.contains("[✓] CPU: Apple M4 Max, 16 cores (12 performance + 4 efficiency)"), s);
    assertTrue(s.contains("[✓] GPU: Apple M4 Max, 40 GPU cores"), s);
    assertTrue(s.contains("[!] JVM: Java 17.0.15 (Eclipse Adoptium), x86_64, translated by Rosetta 2"), s);
    assertTrue(s.contains("install an arm64 JDK"), s);
    assertTrue(s.contains("[!] Power: on battery"), s);
    assertTrue(s.contains("[!] Low Power Mode is on"), s);
    assertTrue(s.contains("[!] Disk /: 5.0 GiB free of 1000.0 GiB"), s);
    assertFalse(s.contains("features:"), "details only with -v");
  }

  @Test
  void anX86JvmOnArmHardwareIsWarnedAboutEvenWhenRosettaIsNotConfirmed() {
    String s = render(mac(new PowerInfo(false, false)), new Jvm("21", "Azul", "x86_64", null, null), false);
    assertTrue(s.contains("[!] JVM: Java 21 (Azul), x86_64"), s);
    assertTrue(s.contains("[✓] Power: on AC power"), s);
  }

  @Test
  void verboseShowsTheH100sNvidiaDetails() {
    GpuInfo h100 = NvidiaSmiXml.parse(Recorded.text("nvidia-smi/h100-q-x.xml")).gpus().get(0);
    Host host = new Host(new OsInfo("linux", "Ubuntu", "24.04", "6.18.44", "x86_64"),
        new CpuInfo("Intel(R) Xeon(R) Processor", "GenuineIntel", 16, 16, null, null, null, List.of("avx512f", "amx_tile")),
        new MemoryInfo(135148564480L, 134628282368L), List.of(), List.of(h100), new PowerInfo(null, null),
        new Virtualization("kvm", null));
    String s = render(host, new Jvm("17.0.15", "Debian", "x86_64", false, "/usr/lib/jvm/x"), true);
    assertTrue(s.contains("[✓] GPU: NVIDIA H100 80GB HBM3, 79.6 GiB, driver 580.159.04, CUDA 13.0"), s);
    assertTrue(s.contains("max clocks 1980 MHz SM / 2619 MHz memory, power limit 700 W, 35 °C, ECC on, persistence mode on, PCIe Gen5 x16"), s);
    assertTrue(s.contains("features: avx512f amx_tile"), s);
    assertTrue(s.contains("[•] Virtualization: virtual machine (kvm), not in a container"), s);
    assertTrue(s.contains("[✓] JVM: Java 17.0.15 (Debian), x86_64"), s);
    assertTrue(s.contains("home: /usr/lib/jvm/x"), s);
  }

  @Test
  void theVmProductFollowsTheHypervisorWhereItIsKnown() {
    Host host = new Host(new OsInfo("linux", "Debian GNU/Linux", "12", "6.18.44", "x86_64"),
        new CpuInfo("AMD EPYC", "AuthenticAMD", 2, 2, null, null, null, List.of()),
        new MemoryInfo(25_000_000_000L, 22_000_000_000L), List.of(), List.of(), new PowerInfo(null, null),
        new Virtualization("kvm", "docker", "Firecracker"));
    String s = render(host, new Jvm("17.0.15", "Debian", "x86_64", false, "/usr/lib/jvm/x"), false);
    assertTrue(s.contains("[•] Virtualization: virtual machine (kvm, Firecracker), in a container (docker)"), s);
  }

  @Test
  void aReportWithMissingPartsStillRenders() {
    String s = render(new Host(null, null, null, null, null, null, null), null, false);
    assertTrue(s.contains("[✓] OS: unknown (unknown arch)"), s);
    assertTrue(s.contains("[✓] CPU: unknown model, ? cores, ? threads"), s);
    assertTrue(s.contains("[✓] Memory: ? total, ? available"), s);
    assertTrue(s.contains("[•] GPU: none found"), s);
  }
}
