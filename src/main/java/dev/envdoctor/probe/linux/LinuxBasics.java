package dev.envdoctor.probe.linux;

import dev.envdoctor.model.CpuInfo;
import dev.envdoctor.model.DiskInfo;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.MemoryInfo;
import dev.envdoctor.model.OsInfo;
import dev.envdoctor.probe.HostBasics;
import dev.envdoctor.probe.OshiBasics;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Linux's basics from the files OSHI reads too (/etc/os-release, /proc/meminfo, /proc/self/mounts,
 * /proc/cpuinfo, /sys), without OSHI's JNA and udev start-up or its lshw/dmidecode/lspci calls.
 */
final class LinuxBasics implements HostBasics {

  private static final Pattern MEM = Pattern.compile("^(MemTotal|MemAvailable):\\s+(\\d+) kB", Pattern.MULTILINE);

  private final LinuxFiles files;
  private final Cpuinfo cpuinfo;

  LinuxBasics(LinuxFiles files, Cpuinfo cpuinfo) {
    this.files = files;
    this.cpuinfo = cpuinfo;
  }

  @Override
  public OsInfo os(String arch) {
    Map<String, String> rel = osRelease(files.read("/etc/os-release"));
    String name = rel.getOrDefault("NAME", rel.getOrDefault("PRETTY_NAME", "Linux"));
    return new OsInfo("linux", name, rel.get("VERSION_ID"), System.getProperty("os.version"), arch);
  }

  static Map<String, String> osRelease(String text) {
    Map<String, String> rel = new HashMap<>();
    for (String line : text == null ? List.<String>of() : text.lines().toList()) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith("#")) {
        rel.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim().replaceAll("^[\"']|[\"']$", ""));
      }
    }
    return rel;
  }

  @Override
  public CpuInfo cpu() {
    Integer logical = cpuinfo.logicalCpus() > 0 ? cpuinfo.logicalCpus() : null;
    Integer physical = cpuinfo.physicalCores() > 0 ? cpuinfo.physicalCores() : null;
    return new CpuInfo(cpuinfo.modelName(), cpuinfo.vendor(), physical, logical, null, null, maxFrequencyHz(), List.of());
  }

  /** cpufreq's maximum in kHz; VMs usually have no cpufreq, and then it is unknown. */
  private Long maxFrequencyHz() {
    String khz = files.line("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq");
    try {
      return khz == null ? null : Long.parseLong(khz) * 1000L;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public MemoryInfo memory() {
    String text = files.read("/proc/meminfo");
    Map<String, Long> kib = new HashMap<>();
    Matcher m = MEM.matcher(text == null ? "" : text);
    while (m.find()) {
      kib.put(m.group(1), Long.parseLong(m.group(2)));
    }
    return new MemoryInfo(bytes(kib.get("MemTotal")), bytes(kib.get("MemAvailable")));
  }

  private static Long bytes(Long kib) {
    return kib == null ? null : kib * 1024L;
  }

  /** Mounts of block devices (the device is a path), sizes from statvfs through java.nio. */
  @Override
  public List<DiskInfo> disks() {
    List<OshiBasics.Store> stores = new ArrayList<>();
    String mounts = files.read("/proc/self/mounts");
    for (String line : mounts == null ? List.<String>of() : mounts.lines().toList()) {
      String[] f = line.split(" ");
      if (f.length < 3 || !f[0].startsWith("/") || f[0].startsWith("/dev/loop")) {
        continue;
      }
      String mount = unescape(f[1]);
      try {
        FileStore fs = Files.getFileStore(Path.of(mount));
        stores.add(new OshiBasics.Store(mount, f[0], f[2], fs.getTotalSpace(), fs.getUsableSpace()));
      } catch (IOException | RuntimeException e) {
        // unreadable or vanished mount: not a disk we can report
      }
    }
    return OshiBasics.disks(stores);
  }

  /** /proc/mounts writes a space in a path as \040. */
  static String unescape(String path) {
    Matcher m = Pattern.compile("\\\\([0-7]{3})").matcher(path);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 8))));
    }
    m.appendTail(out);
    return out.toString();
  }

  @Override
  public List<GpuInfo> gpus() {
    return PciDisplays.read(files);
  }
}
