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
public final class OshiBasics implements HostBasics {

  /** File systems that hold no training data: RAM disks, image layers, snaps. */
  public static final Set<String> NOT_DISKS = Set.of("tmpfs", "devtmpfs", "overlay", "squashfs", "ramfs");

  private final String family;
  private final SystemInfo si = new SystemInfo();

  /** {@code family}: macos or windows (Linux has {@code LinuxBasics}). OSHI starts on first use. */
  public OshiBasics(String family) {
    this.family = family;
  }

  private HardwareAbstractionLayer hw() {
    return si.getHardware();
  }

  @Override
  public OsInfo os(String arch) {
    OperatingSystem.OSVersionInfo v = si.getOperatingSystem().getVersionInfo();
    String name = family.equals("macos") ? "macOS" : si.getOperatingSystem().getFamily();
    // the build id stands for the kernel on macOS and Windows (24D60, 22631)
    return new OsInfo(family, name, v.getVersion(), v.getBuildNumber(), arch);
  }

  @Override
  public CpuInfo cpu() {
    CentralProcessor cpu = hw().getProcessor();
    CentralProcessor.ProcessorIdentifier id = cpu.getProcessorIdentifier();
    long max = cpu.getMaxFreq();
    return new CpuInfo(blankToNull(id.getName()), blankToNull(id.getVendor()), cpu.getPhysicalProcessorCount(),
        cpu.getLogicalProcessorCount(), null, null, max > 0 ? max : null, List.of());
  }

  @Override
  public MemoryInfo memory() {
    GlobalMemory m = hw().getMemory();
    return new MemoryInfo(m.getTotal(), m.getAvailable());
  }

  @Override
  public List<DiskInfo> disks() {
    List<OSFileStore> stores = si.getOperatingSystem().getFileSystem().getFileStores(true);
    return disks(stores.stream().map(s -> new Store(s.getMount(), s.getVolume(), s.getType(),
        s.getTotalSpace(), s.getUsableSpace())).toList());
  }

  /** One file store as OSHI (or /proc/mounts) lists it. */
  public record Store(String mount, String volume, String type, long total, long usable) {}

  /**
   * Real disks only, each once: a bind mount of the same volume (/var/lib/docker on /dev/vda) is
   * the same free space, so the shortest mount path stands for it.
   */
  public static List<DiskInfo> disks(List<Store> stores) {
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

  @Override
  public List<GpuInfo> gpus() {
    List<GpuInfo> gpus = new ArrayList<>();
    for (GraphicsCard g : hw().getGraphicsCards()) {
      long vram = g.getVRam();
      gpus.add(GpuInfo.basic(blankToNull(g.getName()), blankToNull(g.getVendor()), vram > 0 ? vram : null,
          null, null, null));
    }
    return gpus;
  }

  public static String blankToNull(String s) {
    return s == null || s.isBlank() || s.equalsIgnoreCase("unknown") ? null : s.trim();
  }
}
