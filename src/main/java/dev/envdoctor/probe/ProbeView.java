package dev.envdoctor.probe;

import dev.envdoctor.run.Console;
import dev.envdoctor.run.Console.Mark;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.flow.View;
import dev.envdoctor.model.CpuInfo;
import dev.envdoctor.model.DiskInfo;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.Host;
import dev.envdoctor.model.Jvm;
import dev.envdoctor.model.MemoryInfo;
import dev.envdoctor.model.OsInfo;
import dev.envdoctor.model.PowerInfo;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.Virtualization;
import java.util.ArrayList;
import java.util.List;
import dev.envdoctor.model.CpuAllowance;

/** The probe's console section: one marked line per part of the machine; -v adds the details. */
public final class ProbeView implements View {

  /** Less free space than this on a disk is worth a warning: datasets and checkpoints need room. */
  static final long LOW_DISK_BYTES = 10L << 30;

  @Override
  public void print(Report report, RunContext ctx) {
    Console c = ctx.console();
    Host h = report.host();
    if (h == null) {
      c.mark(Mark.SKIP, "Machine: not probed");
      return;
    }
    boolean v = ctx.verbose();
    // a report read back from a file (report --from) may lack any part: say so, never fail
    OsInfo os = h.os() != null ? h.os() : new OsInfo(null, null, null, null, null);
    c.mark(Mark.OK, "OS: " + join(os.name(), os.version()) + " (" + nz(os.arch(), "unknown arch")
        + (os.kernel() != null ? ", kernel " + os.kernel() : "") + ")");
    cpu(c, h.cpu() != null ? h.cpu() : new CpuInfo(null, null, null, null, null, null, null, null), v);
    MemoryInfo mem = h.memory() != null ? h.memory() : new MemoryInfo(null, null);
    c.mark(Mark.OK, "Memory: " + Units.gib(mem.totalBytes()) + " total, " + Units.gib(mem.availableBytes()) + " available");
    allowance(c, h.cpuAllowance());
    disks(c, h.disks());
    gpus(c, h.gpus(), v);
    power(c, h.power());
    virtualization(c, h.virtualization());
    jvm(c, report.jvm(), h, v);
    c.flush();
  }

  /** "CPUs envdoctor may use: half a CPU of 2 (cgroup quota, throttled 41 times so far)", when fewer than the machine's. */
  private static void allowance(Console c, CpuAllowance a) {
    if (a == null || a.limitedBy() == null) {
      return;
    }
    Double e = a.effectiveCpus();
    String n = e == 0.5 ? "half a CPU" : (e == Math.rint(e) ? String.valueOf(e.intValue()) : String.valueOf(e)) + " CPUs";
    String throttled = a.nrThrottled() != null && a.nrThrottled() > 0 ? ", throttled " + a.nrThrottled() + " times so far" : "";
    c.mark(Mark.WARN, "CPUs envdoctor may use: " + n + " of " + a.onlineCpus() + " (" + a.limitedBy() + throttled
        + "); timings here show that share, not the machine");
  }

  private static void cpu(Console c, CpuInfo cpu, boolean v) {
    String cores = n(cpu.physicalCores()) + " cores, " + n(cpu.logicalCores()) + " threads";
    if (cpu.performanceCores() != null && cpu.efficiencyCores() != null) {
      cores = n(cpu.physicalCores()) + " cores (" + cpu.performanceCores() + " performance + "
          + cpu.efficiencyCores() + " efficiency)";
    }
    String freq = cpu.maxFrequencyHz() == null ? "" : String.format(", up to %.1f GHz", cpu.maxFrequencyHz() / 1e9);
    c.mark(Mark.OK, "CPU: " + nz(cpu.model(), "unknown model") + ", " + cores + freq);
    if (v) {
      c.detail("vendor: " + nz(cpu.vendor(), "unknown"));
      c.detail("features: " + (cpu.features().isEmpty() ? "none of note" : String.join(" ", cpu.features())));
    }
  }

  private static void disks(Console c, List<DiskInfo> disks) {
    if (disks.isEmpty()) {
      c.mark(Mark.INFO, "Disks: none found");
      return;
    }
    for (DiskInfo d : disks) {
      boolean low = d.freeBytes() != null && d.freeBytes() < LOW_DISK_BYTES;
      c.mark(low ? Mark.WARN : Mark.OK, "Disk " + d.mount() + ": " + Units.gib(d.freeBytes()) + " free of "
          + Units.gib(d.totalBytes()));
      if (low) {
        c.detail(Mark.WARN, "less than " + Units.gib(LOW_DISK_BYTES) + " free: datasets and checkpoints need room");
      }
    }
  }

  private static void gpus(Console c, List<GpuInfo> gpus, boolean v) {
    if (gpus.isEmpty()) {
      c.mark(Mark.INFO, "GPU: none found (training runs on the CPU)");
      return;
    }
    for (GpuInfo g : gpus) {
      List<String> parts = new ArrayList<>();
      if (g.cores() != null) {
        parts.add(g.cores() + " GPU cores");
      }
      if (g.memoryBytes() != null) {
        parts.add(Units.gib(g.memoryBytes()));
      }
      if (g.driverVersion() != null) {
        parts.add("driver " + g.driverVersion());
      }
      if (g.cudaVersion() != null) {
        parts.add("CUDA " + g.cudaVersion());
      }
      if (g.computeCapability() != null) {
        parts.add("compute capability " + g.computeCapability());
      }
      c.mark(Mark.OK, "GPU: " + nz(g.name(), "unknown") + (parts.isEmpty() ? "" : ", " + String.join(", ", parts)));
      if (v) {
        nvidiaDetails(c, g);
      }
    }
  }

  private static void nvidiaDetails(Console c, GpuInfo g) {
    List<String> d = new ArrayList<>();
    if (g.smClockMaxMhz() != null) {
      d.add("max clocks " + g.smClockMaxMhz() + " MHz SM / " + g.memClockMaxMhz() + " MHz memory");
    }
    if (g.powerLimitW() != null) {
      d.add(String.format("power limit %.0f W", g.powerLimitW()));
    }
    if (g.temperatureC() != null) {
      d.add(String.format("%.0f °C", g.temperatureC()));
    }
    if (g.eccEnabled() != null) {
      d.add("ECC " + (g.eccEnabled() ? "on" : "off"));
    }
    if (g.persistenceMode() != null) {
      d.add("persistence mode " + (g.persistenceMode() ? "on" : "off"));
    }
    if (g.pcieLink() != null) {
      d.add("PCIe " + g.pcieLink());
    }
    if (!d.isEmpty()) {
      c.detail(String.join(", ", d));
    }
  }

  private static void power(Console c, PowerInfo p) {
    if (p == null || (p.onBattery() == null && p.lowPowerMode() == null)) {
      c.mark(Mark.INFO, "Power: no battery or power mode found (a desktop or server)");
      return;
    }
    if (Boolean.TRUE.equals(p.onBattery())) {
      c.mark(Mark.WARN, "Power: on battery: the machine may slow down; plug it in before timing or training");
    } else {
      c.mark(Mark.OK, "Power: " + (p.onBattery() == null ? "no battery" : "on AC power"));
    }
    if (Boolean.TRUE.equals(p.lowPowerMode())) {
      c.mark(Mark.WARN, "Low Power Mode is on: CPU and GPU run slower; turn it off for training");
    }
  }

  private static void virtualization(Console c, Virtualization v) {
    String vm = v == null ? null : v.vm();
    String container = v == null ? null : v.container();
    if (vm == null && container == null) {
      c.mark(Mark.OK, "Virtualization: bare metal, not in a container");
      return;
    }
    List<String> parts = new ArrayList<>();
    if (vm != null) {
      parts.add("virtual machine (" + vm + (v.product() == null ? "" : ", " + v.product()) + ")");
    }
    parts.add(container == null ? "not in a container" : "in a container (" + container + ")");
    c.mark(Mark.INFO, "Virtualization: " + String.join(", ", parts));
  }

  private static void jvm(Console c, Jvm j, Host h, boolean v) {
    if (j == null) {
      return;
    }
    String line = "JVM: Java " + j.version() + " (" + nz(j.vendor(), "unknown vendor") + "), " + j.arch();
    boolean emulated = Boolean.TRUE.equals(j.translated())
        || ("x86_64".equals(j.arch()) && h.os() != null && "arm64".equals(h.os().arch()));
    if (emulated) {
      c.mark(Mark.WARN, line + (Boolean.TRUE.equals(j.translated()) ? ", translated by Rosetta 2" : ""));
      c.detail(Mark.WARN, "an x86_64 JVM on arm64 hardware is emulated: slower, and no MPS; install an arm64 JDK");
    } else {
      c.mark(Mark.OK, line);
    }
    if (v && j.home() != null) {
      c.detail("home: " + j.home());
    }
  }

  private static String join(String a, String b) {
    if (a == null) {
      return nz(b, "unknown");
    }
    return b == null || a.contains(b) ? a : a + " " + b;
  }

  private static String n(Integer i) {
    return i == null ? "?" : i.toString();
  }

  private static String nz(String s, String otherwise) {
    return s == null ? otherwise : s;
  }
}
