package dev.envdoctor.interconnect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ring through n GPUs whose slowest hop is fastest: a ring all-reduce moves busbw through every
 * hop, so that hop's rate bounds it. Exhaustive for up to 9 GPUs (8! orders with the first fixed);
 * beyond that the slowest pair stands in (a bound that may be too low).
 */
public final class Rings {

  /** The ring found: its hops in order, and the slowest one. */
  public record Ring(List<Integer> order, int slowFrom, int slowTo, PairLinks.Link slowest) {}

  private static final int EXHAUSTIVE = 9;

  private Rings() {}

  public static Optional<Ring> best(int n, PairLinks links) {
    if (n < 2) {
      return Optional.empty();
    }
    if (n > EXHAUSTIVE) {
      return slowestPair(n, links);
    }
    List<Integer> order = new ArrayList<>();
    order.add(0);
    Ring[] best = {null};
    search(n, links, order, new boolean[n], best);
    return Optional.ofNullable(best[0]);
  }

  private static void search(int n, PairLinks links, List<Integer> order, boolean[] used, Ring[] best) {
    if (order.size() == n) {
      Ring ring = ring(order, links);
      if (ring != null && (best[0] == null || slower(best[0].slowest(), ring.slowest()))) {
        best[0] = ring;
      }
      return;
    }
    for (int next = 1; next < n; next++) {
      if (!used[next]) {
        used[next] = true;
        order.add(next);
        search(n, links, order, used, best);
        order.remove(order.size() - 1);
        used[next] = false;
      }
    }
  }

  private static Ring ring(List<Integer> order, PairLinks links) {
    Ring slow = null;
    int hops = order.size() == 2 ? 1 : order.size();
    for (int i = 0; i < hops; i++) {
      int a = order.get(i);
      int b = order.get((i + 1) % order.size());
      Optional<PairLinks.Link> l = links.between(a, b);
      if (l.isEmpty()) {
        return null;
      }
      if (slow == null || slower(l.get(), slow.slowest())) {
        slow = new Ring(List.copyOf(order), a, b, l.get());
      }
    }
    return slow;
  }

  private static Optional<Ring> slowestPair(int n, PairLinks links) {
    Ring slow = null;
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        Optional<PairLinks.Link> l = links.between(a, b);
        if (l.isPresent() && (slow == null || slower(l.get(), slow.slowest()))) {
          slow = new Ring(List.of(), a, b, l.get());
        }
      }
    }
    return Optional.ofNullable(slow);
  }

  /** Slower rate first; at the same rate (PCIe paths share the GPUs' link rate) the longer path. */
  static boolean slower(PairLinks.Link a, PairLinks.Link b) {
    return rate(a) != rate(b) ? rate(a) < rate(b) : PATHS.indexOf(a.path()) > PATHS.indexOf(b.path());
  }

  /** PCIe paths from shortest to longest, as nvidia-smi's legend orders them. */
  private static final List<String> PATHS = List.of("PIX", "PXB", "PHB", "NODE", "SYS");

  /** An unknown rate sorts below every known one: a ring through it proves nothing. */
  private static double rate(PairLinks.Link l) {
    return l.gbps() == null ? -1 : l.gbps();
  }
}
