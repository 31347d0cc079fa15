package dev.envdoctor.interconnect;

import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.GpuTopology;
import dev.envdoctor.probe.nvidia.CudaVisibleDevices;
import dev.envdoctor.probe.nvidia.NvidiaSmiList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The link between two GPUs and its rate per direction: NV# from {@code nvidia-smi topo -m} is # ×
 * the NVLink rate of the GPU's generation; a PCIe path (PIX, PXB, PHB, NODE, SYS) is bounded by the
 * slower of the two GPUs' PCIe links as the probe read them (SYS also crosses the CPUs' interconnect,
 * which can be slower still). cuda:i is nvidia-smi's GPU {@code smiIndex(i)}: i itself unless
 * CUDA_VISIBLE_DEVICES picks and orders the GPUs ({@link CudaVisibleDevices}); a device that cannot
 * be told has no link rather than another GPU's.
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
  private final IntFunction<Optional<Integer>> smiIndex;

  /** cuda:i is nvidia-smi's GPU i (CUDA_VISIBLE_DEVICES unset). */
  public PairLinks(GpuTopology topology, List<GpuInfo> gpus) {
    this(topology, gpus, i -> Optional.of(i));
  }

  /** @param smiIndex nvidia-smi's index of cuda:i, empty where it cannot be told */
  public PairLinks(GpuTopology topology, List<GpuInfo> gpus, IntFunction<Optional<Integer>> smiIndex) {
    this.topology = topology;
    this.gpus = gpus == null ? List.of() : gpus;
    this.smiIndex = smiIndex;
  }

  /** The link from cuda:a to cuda:b; empty when the matrix does not have the pair or a device cannot be told. */
  public Optional<Link> between(int cudaA, int cudaB) {
    Optional<Integer> sa = smiIndex.apply(cudaA);
    Optional<Integer> sb = smiIndex.apply(cudaB);
    if (sa.isEmpty() || sb.isEmpty()) {
      return Optional.empty();
    }
    int a = sa.get();
    int b = sb.get();
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

  /** How the report names nvidia-smi's GPU i: the cuda:N that is it, else "nvidia-smi GPU i" (not visible to CUDA). */
  public String deviceOf(int smi) {
    for (int n = 0; n < Math.max(gpus.size(), smi + 1); n++) {
      if (smiIndex.apply(n).filter(i -> i == smi).isPresent()) {
        return "cuda:" + n;
      }
    }
    return "nvidia-smi GPU " + smi;
  }

  /** nvidia-smi's index of cuda:n, the same mapping the links use. */
  public static IntFunction<Optional<Integer>> mapping(CudaVisibleDevices visible, int gpuCount,
      NvidiaSmiList.Listing listing) {
    return n -> visible.smiIndex(n, gpuCount, listing);
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
