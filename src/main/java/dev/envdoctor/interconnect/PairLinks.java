package dev.envdoctor.interconnect;

import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.GpuTopology;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The link between two GPUs and its rate per direction: NV# from {@code nvidia-smi topo -m} is # ×
 * the NVLink rate of the GPU's generation; a PCIe path (PIX, PXB, PHB, NODE, SYS) is bounded by the
 * slower of the two GPUs' PCIe links as the probe read them (SYS also crosses the CPUs' interconnect,
 * which can be slower still). GPU i of the matrix is cuda:i (both in PCI bus order for alike GPUs).
 */
public final class PairLinks {

  /** One pair's link: type as shown ("NV18", "SYS"), kind ("NVLink", "PCIe"), rate (null: unknown). */
  public record Link(String path, String kind, Double gbps) {

    public String label() {
      return kind.equals("NVLink") ? "NVLink " + path : "PCIe " + path;
    }
  }

  private final GpuTopology topology;
  private final List<GpuInfo> gpus;

  public PairLinks(GpuTopology topology, List<GpuInfo> gpus) {
    this.topology = topology;
    this.gpus = gpus == null ? List.of() : gpus;
  }

  /** The link from cuda:a to cuda:b; empty when the matrix does not have the pair. */
  public Optional<Link> between(int a, int b) {
    if (topology == null) {
      return pcie(a, b).map(rate -> new Link("PCIe", "PCIe", rate));
    }
    String from = "GPU" + a;
    String to = "GPU" + b;
    return topology.links().stream()
        .filter(l -> (l.from().equals(from) && l.to().equals(to)) || (l.from().equals(to) && l.to().equals(from)))
        .findFirst()
        .map(l -> l.nvlinks() != null
            ? new Link(l.path(), "NVLink", LinkRates.nvlinkGBps(l.nvlinks(), cc(a)))
            : new Link(l.path().toUpperCase(Locale.ROOT), "PCIe", pcie(a, b).orElse(null)));
  }

  private Optional<Double> pcie(int a, int b) {
    Double ra = a < gpus.size() ? LinkRates.pcieGBps(gpus.get(a).pcieLink()) : null;
    Double rb = b < gpus.size() ? LinkRates.pcieGBps(gpus.get(b).pcieLink()) : null;
    if (ra == null || rb == null) {
      return Optional.ofNullable(ra == null ? rb : ra);
    }
    return Optional.of(Math.min(ra, rb));
  }

  private String cc(int i) {
    return i < gpus.size() ? gpus.get(i).computeCapability() : null;
  }
}
