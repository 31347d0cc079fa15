package dev.envdoctor.probe.nvidia;

import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.GpuInfoBuilder;
import dev.envdoctor.probe.Async;
import dev.envdoctor.probe.GpuDetails;
import dev.envdoctor.probe.Tool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import dev.envdoctor.model.GpuHealth;

/**
 * NVIDIA GPUs as nvidia-smi sees them (Linux and Windows): they replace OSHI's entries for the
 * same cards, which know only a PCI name. Without nvidia-smi (or when it fails) OSHI's list stays.
 */
public final class NvidiaGpuDetails implements GpuDetails {

  /** nvidia-smi can take seconds when the driver is not persistent and must wake the GPUs. */
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration KERNEL_LOG_TIMEOUT = Duration.ofSeconds(5);

  private final Tool tool;

  public NvidiaGpuDetails(Tool tool) {
    this.tool = tool;
  }

  @Override
  public List<GpuInfo> read(Supplier<List<GpuInfo>> fromOshi) {
    CompletableFuture<String> xml = Async.run(() -> tool.stdout(TIMEOUT, "nvidia-smi", "-q", "-x").orElse(null));
    // the kernel log holds the XID errors; reading it needs privileges some hosts withhold (null: unknown)
    CompletableFuture<String> kernelLog = Async.run(() -> tool.stdout(KERNEL_LOG_TIMEOUT, "dmesg").orElse(null));
    String csv = tool.stdout(TIMEOUT, "nvidia-smi", "--query-gpu=" + String.join(",", NvidiaSmiCsv.FIELDS),
        "--format=csv,noheader,nounits").orElse(null);
    List<GpuInfo> nvidia = withHealth(merge(NvidiaSmiCsv.parse(NvidiaSmiCsv.FIELDS, csv), NvidiaSmiXml.parse(xml.join())),
        KernelLogXid.attach(NvidiaHealthXml.parse(xml.join()), kernelLog.join()));
    return replace(fromOshi.get(), nvidia);
  }

  /**
   * One GPU per CSV line (the CSV is the most precise: compute capability, unit-free numbers); the
   * XML's GPU at the same index fills what the CSV left unknown, and gives the CUDA version. An old
   * driver that rejects a CSV field still has its XML.
   */
  public static List<GpuInfo> merge(List<GpuInfo> csv, NvidiaSmiXml.Log xml) {
    List<GpuInfo> base = csv.isEmpty() ? xml.gpus() : csv;
    List<GpuInfo> out = new ArrayList<>();
    for (int i = 0; i < base.size(); i++) {
      GpuInfo c = base.get(i);
      GpuInfo x = i < xml.gpus().size() ? xml.gpus().get(i) : null;
      out.add(x == null ? withCuda(c, xml.cudaVersion()) : fill(c, x, xml.cudaVersion()));
    }
    return out;
  }

  /** Each GPU with the health facts at the same index of the XML. */
  public static List<GpuInfo> withHealth(List<GpuInfo> gpus, List<GpuHealth> health) {
    List<GpuInfo> out = new ArrayList<>();
    for (int i = 0; i < gpus.size(); i++) {
      out.add(i < health.size() ? gpus.get(i).withHealth(health.get(i)) : gpus.get(i));
    }
    return out;
  }

  private static GpuInfo withCuda(GpuInfo g, String cuda) {
    return fill(g, g, cuda);
  }

  private static GpuInfo fill(GpuInfo c, GpuInfo x, String cuda) {
    return GpuInfoBuilder.builder()
        .name(or(c.name(), x.name()))
        .vendor("NVIDIA")
        .memoryBytes(or(c.memoryBytes(), x.memoryBytes()))
        .driverVersion(or(c.driverVersion(), x.driverVersion()))
        .computeCapability(or(c.computeCapability(), x.computeCapability()))
        .cudaVersion(or(cuda, or(c.cudaVersion(), x.cudaVersion())))
        .smClockMaxMhz(or(c.smClockMaxMhz(), x.smClockMaxMhz()))
        .memClockMaxMhz(or(c.memClockMaxMhz(), x.memClockMaxMhz()))
        .powerLimitW(or(c.powerLimitW(), x.powerLimitW()))
        .temperatureC(or(c.temperatureC(), x.temperatureC()))
        .eccEnabled(or(c.eccEnabled(), x.eccEnabled()))
        .persistenceMode(or(c.persistenceMode(), x.persistenceMode()))
        .pcieLink(or(c.pcieLink(), x.pcieLink()))
        .build();
  }

  private static <T> T or(T a, T b) {
    return a != null ? a : b;
  }

  /** nvidia-smi's cards first, then OSHI's other cards (an integrated or a BMC display adapter). */
  static List<GpuInfo> replace(List<GpuInfo> fromOshi, List<GpuInfo> nvidia) {
    if (nvidia.isEmpty()) {
      return fromOshi;
    }
    List<GpuInfo> out = new ArrayList<>(nvidia);
    for (GpuInfo g : fromOshi) {
      String who = (g.vendor() + " " + g.name()).toLowerCase(Locale.ROOT);
      if (!who.contains("nvidia")) {
        out.add(g);
      }
    }
    return out;
  }
}
