package dev.envdoctor.interconnect;

import dev.envdoctor.run.Words;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.GpuTopology;
import dev.envdoctor.model.Interconnect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Holds the measured figures against the links found. An all-reduce's busbw is bounded by the
 * slowest hop of the best ring through its GPUs ({@link Rings}); nccl-tests' ring reaches about 80%
 * of it (370 of 450 GB/s on 8 H100 with NVLink SHARP off), so below {@link #GOAL} of the links' rate
 * the node is flagged with the causes its facts point at ({@link SlowCauses}). A P2P copy is held
 * against its pair's link the same way. Pure: entries, topology and the GPUs' facts in, entries out.
 */
public final class LinkJudge {

  /** Below this fraction of the links' rate a figure is flagged: half the rate must never pass. */
  public static final double GOAL = 0.6;

  private LinkJudge() {}

  public static List<Interconnect> judge(List<Interconnect> entries, GpuTopology topology, List<GpuInfo> gpus) {
    return judgeWith(entries, new PairLinks(topology, gpus), gpus);
  }

  /** With the links between cuda devices already mapped to nvidia-smi's GPUs (CUDA_VISIBLE_DEVICES). */
  public static List<Interconnect> judgeWith(List<Interconnect> entries, PairLinks links, List<GpuInfo> gpus) {
    List<Interconnect> p2p = entries.stream().filter(e -> Interconnect.P2P_COPY.equals(e.test()))
        .map(e -> pair(e, links)).toList();
    List<Interconnect> out = new ArrayList<>();
    Optional<Interconnect> top = entries.stream().filter(Interconnect::allReduce)
        .filter(e -> e.busGBps() != null).max(Comparator.comparing(Interconnect::bytes));
    for (Interconnect e : entries) {
      if (e.allReduce()) {
        out.add(allReduce(e, e == top.orElse(null), links, entries, p2p, gpus));
      }
    }
    out.addAll(p2p);
    return out;
  }

  private static Interconnect allReduce(Interconnect e, boolean top, PairLinks links, List<Interconnect> all,
      List<Interconnect> p2p, List<GpuInfo> gpus) {
    String diagnosis = e.diagnosis();
    if (Boolean.FALSE.equals(e.correct()) && diagnosis == null) {
      diagnosis = "the all-reduce of " + size(e.bytes()) + " returned a wrong sum on "
          + Words.count(e.ranks() == null ? 0 : e.ranks(), "rank") + ": a device, link or library computes wrongly; do not train on this node until it is found";
    }
    if (e.backend() == null) {
      return e.withLink(null, null, null, diagnosis);
    }
    if (!"nccl".equals(e.backend())) {
      return e.withLink("loopback (" + e.backend() + ", CPU)", null, null, diagnosis);
    }
    int n = e.ranks() == null ? 0 : e.ranks();
    Optional<Rings.Ring> ring = Rings.best(n, links);
    if (ring.isEmpty() || ring.get().slowest().gbps() == null) {
      return e.withLink(ring.map(r -> r.slowest().label()).orElse(n < 2 ? "none (one GPU)" : null), null, null,
          diagnosis);
    }
    PairLinks.Link slow = ring.get().slowest();
    double fraction = e.busGBps() / slow.gbps();
    if (top && fraction < GOAL && diagnosis == null) {
      diagnosis = String.format(Locale.ROOT,
          "all-reduce busbw %.1f GB/s is %.0f%% of the %.0f GB/s its links carry (%s between cuda:%d and cuda:%d, the"
              + " ring's slowest hop; goal %.0f%%); look at: %s",
          e.busGBps(), 100 * fraction, slow.gbps(), slow.label(), ring.get().slowFrom(), ring.get().slowTo(),
          100 * GOAL, String.join("; ", SlowCauses.of(e, slow, p2p, gpus, links)));
    }
    return e.withLink(slow.label(), slow.gbps(), fraction, diagnosis);
  }

  private static Interconnect pair(Interconnect e, PairLinks links) {
    Optional<PairLinks.Link> link = index(e.src()).flatMap(a -> index(e.dst()).flatMap(b -> links.between(a, b)));
    if (link.isEmpty() || link.get().gbps() == null || e.algGBps() == null) {
      return e.withLink(link.map(PairLinks.Link::label).orElse(null), link.map(PairLinks.Link::gbps).orElse(null),
          null, e.diagnosis());
    }
    double fraction = e.algGBps() / link.get().gbps();
    String diagnosis = e.diagnosis();
    if (diagnosis == null && fraction < GOAL) {
      diagnosis = String.format(Locale.ROOT, "%s to %s copies at %.1f GB/s, %.0f%% of its %s (%.0f GB/s)%s",
          e.src(), e.dst(), e.algGBps(), 100 * fraction, link.get().label(), link.get().gbps(),
          Boolean.FALSE.equals(e.peerAccess()) ? ": no peer access, the copy goes through host memory" : "");
    }
    return e.withLink(link.get().label(), link.get().gbps(), fraction, diagnosis);
  }

  static Optional<Integer> index(String device) {
    if (device == null || !device.startsWith("cuda:")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(device.substring(5)));
    } catch (NumberFormatException ex) {
      return Optional.empty();
    }
  }

  public static String size(Long bytes) {
    if (bytes == null) {
      return "?";
    }
    if (bytes >= 1L << 30) {
      return (bytes >> 30) + " GiB";
    }
    return bytes >= 1L << 20 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
  }
}
