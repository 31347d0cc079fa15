package dev.envdoctor.interconnect;

import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.Interconnect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What can hold an all-reduce below its links' rate, from the facts at hand, most specific first. */
final class SlowCauses {

  private SlowCauses() {}

  static List<String> of(Interconnect e, PairLinks.Link slow, List<Interconnect> p2p, List<GpuInfo> gpus,
      PairLinks links) {
    List<String> causes = new ArrayList<>();
    Map<String, String> nccl = e.ncclSettings();
    if ("1".equals(nccl.get("NCCL_P2P_DISABLE"))) {
      causes.add("NCCL_P2P_DISABLE=1 is set: NCCL copies through host memory instead of GPU to GPU");
    }
    if ("1".equals(nccl.get("NCCL_SHM_DISABLE"))) {
      causes.add("NCCL_SHM_DISABLE=1 is set");
    }
    for (String k : List.of("NCCL_P2P_LEVEL", "NCCL_ALGO", "NCCL_PROTO", "NCCL_MAX_NCHANNELS", "NCCL_MAX_CTAS",
        "NCCL_NCHANNELS_PER_NET_PEER", "NCCL_BUFFSIZE")) {
      if (nccl.containsKey(k)) {
        causes.add(k + "=" + nccl.get(k) + " is set: it narrows what NCCL may choose");
      }
    }
    p2p.stream().filter(p -> Boolean.FALSE.equals(p.peerAccess())).findFirst().ifPresent(p -> causes.add(
        "no peer access from " + p.src() + " to " + p.dst() + " (a VM or an IOMMU/ACS setting without P2P):"
            + " NCCL then goes through host memory"));
    Optional<Interconnect> slowest = p2p.stream().filter(p -> p.fractionOfLink() != null)
        .min(Comparator.comparing(Interconnect::fractionOfLink));
    slowest.filter(p -> p.fractionOfLink() < LinkJudge.GOAL).ifPresent(p -> causes.add(String.format(Locale.ROOT,
        "the slowest pair copies %s to %s at %.1f GB/s, %.0f%% of its %s", p.src(), p.dst(), p.algGBps(),
        100 * p.fractionOfLink(), p.linkType())));
    degradedPcie(gpus, links).ifPresent(causes::add);
    Double pcie = gpus.stream().map(g -> LinkRates.pcieGBps(g.pcieLink())).filter(r -> r != null).min(Double::compare)
        .orElse(null);
    if (slow.kind().equals("NVLink") && pcie != null && e.busGBps() != null && e.busGBps() <= 1.2 * pcie) {
      causes.add(String.format(Locale.ROOT, "%.1f GB/s is a PCIe rate (%.0f GB/s), not NVLink's: links down or not"
          + " used (nvidia-smi nvlink -s; NCCL_DEBUG=INFO shows the transport, via P2P or SHM)", e.busGBps(), pcie));
    }
    causes.add("NCCL's log (NCCL_DEBUG=INFO) names the algorithm and transport it chose; nvidia-smi nvlink -s the"
        + " state of each NVLink");
    return causes;
  }

  /** A GPU whose PCIe link is narrower or older than the best of its siblings. */
  private static Optional<String> degradedPcie(List<GpuInfo> gpus, PairLinks links) {
    double best = gpus.stream().map(g -> LinkRates.pcieGBps(g.pcieLink())).filter(r -> r != null)
        .max(Double::compare).orElse(0.0);
    for (int i = 0; i < gpus.size(); i++) {
      Double r = LinkRates.pcieGBps(gpus.get(i).pcieLink());
      if (r != null && r < 0.99 * best) {
        return Optional.of(String.format(Locale.ROOT, "%s's PCIe link runs at %s (%.0f GB/s), its siblings'"
            + " at up to %.0f GB/s (read at idle, when a link may step down a generation)", links.deviceOf(i),
            gpus.get(i).pcieLink(),
            r, best));
      }
    }
    return Optional.empty();
  }
}
