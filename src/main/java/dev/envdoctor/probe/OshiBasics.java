package dev.envdoctor.probe;

import dev.envdoctor.model.CpuInfo;
import dev.envdoctor.model.DiskInfo;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.MemoryInfo;
import dev.envdoctor.model.OsInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.GraphicsCard;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OSFileStore;
import oshi.software.os.OperatingSystem;

/**
 * The facts OSHI reads well on every OS. Only calls that read a value once: nothing that samples
 * CPU load over an interval or sleeps, so the probe stays well under a second.
 */
public final class OshiBasics {

  /** File systems that hold no training data: RAM disks, image layers, snaps. */
  private static final Set<String> NOT_DISKS = Set.of("tmpfs", "devtmpfs", "overlay", "squashfs", "ramfs");

  private final HardwareAbstractionLayer hw;
  private final OperatingSystem os;

  public OshiBasics() {
    SystemInfo si = new SystemInfo();
    this.hw = si.getHardware();
    this.os = si.getOperatingSystem();
  }

  public OsInfo os(String family, String arch) {
    OperatingSystem.OSVersionInfo v = os.getVersionInfo();
    String name = family.equals("macos") ? "macOS" : os.getFamily();
    return new OsInfo(family, name, v.getVersion(), kernel(family, v), arch);
  }

  private static String kernel(String family, OperatingSystem.OSVersionInfo v) {
    // OSHI's build number is the kernel release on Linux, the build id on macOS/Windows
    return family.equals("linux") ? System.getProperty("os.version") : v.getBuildNumber();
  }

  public CpuInfo cpu() {
    CentralProcessor cpu = hw.getProcessor();
    CentralProcessor.ProcessorIdentifier id = cpu.getProcessorIdentifier();
    long max = cpu.getMaxFreq();
    return new CpuInfo(blankToNull(id.getName()), blankToNull(id.getVendor()), cpu.getPhysicalProcessorCount(),
        cpu.getLogicalProcessorCount(), null, null, max > 0 ? max : null, List.of());
  }

  public MemoryInfo memory() {
    GlobalMemory m = hw.getMemory();
    return new MemoryInfo(m.getTotal(), m.getAvailable());
  }

  public List<DiskInfo> disks() {
    List<OSFileStore> stores = os.getFileSystem().getFileStores(true);
    return disks(stores.stream().map(s -> new Store(s.getMount(), s.getVolume(), s.getType(),
        s.getTotalSpace(), s.getUsableSpace())).toList());
  }

  /** One file store as OSHI lists it. */
  record Store(String mount, String volume, String type, long total, long usable) {}

  /**
   * Real disks only, each once: a bind mount of the same volume (/var/lib/docker on /dev/vda) is
   * the same free space, so the shortest mount path stands for it.
   */
  static List<DiskInfo> disks(List<Store> stores) {
    Map<String, Store> byVolume = new LinkedHashMap<>();
    for (Store s : stores) {
      if (s.total() <= 0 || NOT_DISKS.contains(s.type())) {
        continue;
      }
      byVolume.merge(s.volume() + "|" + s.total(), s,
          (a, b) -> a.mount().length() <= b.mount().length() ? a : b);
    }
    List<DiskInfo> disks = new ArrayList<>();
    byVolume.values().forEach(s -> disks.add(new DiskInfo(s.mount(), s.total(), s.usable())));
    return disks;
  }

  public List<GpuInfo> gpus() {
    List<GpuInfo> gpus = new ArrayList<>();
    for (GraphicsCard g : hw.getGraphicsCards()) {
      long vram = g.getVRam();
      gpus.add(GpuInfo.basic(blankToNull(g.getName()), blankToNull(g.getVendor()), vram > 0 ? vram : null,
          null, null, null));
    }
    return gpus;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() || s.equalsIgnoreCase("unknown") ? null : s.trim();
  }
}
