package dev.envdoctor.interconnect;

import dev.envdoctor.run.Words;
import dev.envdoctor.model.Interconnect;
import dev.envdoctor.model.Peak;
import dev.envdoctor.model.Report;
import dev.envdoctor.python.GpuLag;
import dev.envdoctor.run.Console.Mark;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The node's figures in one line each, for doctor's summary and the reports: its GPUs (the worst
 * GPU is the node's figure) and its interconnect (the all-reduce busbw at the sweep's largest size,
 * against its links). Pure: drawn from the report.
 */
public final class NodeSummary {

  /** A line with its marker and the details under it. */
  public record Line(Mark mark, String text, List<String> details) {}

  private NodeSummary() {}

  /** "GPUs: 8 × cuda, worst bf16 matmul cuda:3 560.1 TFLOP/s (best 700.2)"; only with two or more GPUs peaked. */
  public static Optional<Line> gpus(Report r) {
    List<Peak> cuda = r.peaks().stream().filter(p -> p.device() != null && p.device().startsWith("cuda:")).toList();
    long n = cuda.stream().map(Peak::device).distinct().count();
    if (n < 2) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    List<String> lags = new ArrayList<>();
    for (String[] t : new String[][] {{"matmul", "bf16"}, {"copy", "fp32"}}) {
      Optional<Peak> worst = GpuLag.worst(cuda, t[0], t[1]);
      Optional<Peak> best = cuda.stream().filter(p -> p.achieved() != null && t[0].equals(p.test())
          && t[1].equals(p.dtype())).max(Comparator.comparing(Peak::achieved));
      worst.ifPresent(w -> parts.add(String.format(Locale.ROOT, "%s %s worst %s %.1f %s (best %.1f)", t[1], t[0],
          w.device(), w.achieved(), w.unit(), best.get().achieved())));
    }
    cuda.stream().map(Peak::diagnosis).filter(d -> d != null && d.contains("lags its siblings"))
        .map(d -> d.substring(d.indexOf("cuda:"))).forEach(lags::add);
    return Optional.of(new Line(lags.isEmpty() ? Mark.OK : Mark.WARN, "GPUs: " + n + " peaked, the node's figure is"
        + " its worst: " + String.join(" · ", parts), lags));
  }

  /** The all-reduce at the sweep's top size, its link, correctness and diagnoses; empty when none ran. */
  public static Optional<Line> interconnect(Report r) {
    List<Interconnect> ar = r.interconnect().stream().filter(Interconnect::allReduce).toList();
    if (ar.isEmpty()) {
      return Optional.empty();
    }
    List<String> details = new ArrayList<>();
    r.interconnect().stream().map(Interconnect::diagnosis).filter(d -> d != null).distinct().forEach(details::add);
    Optional<Interconnect> top = ar.stream().filter(e -> e.busGBps() != null).max(Comparator.comparing(Interconnect::bytes));
    boolean wrong = ar.stream().anyMatch(e -> Boolean.FALSE.equals(e.correct()));
    if (top.isEmpty()) {
      return Optional.of(new Line(Mark.WARN, "Interconnect: the all-reduce did not run", details));
    }
    Interconnect t = top.get();
    String link = t.linkGBps() == null ? (t.linkType() == null ? "" : ", " + t.linkType())
        : String.format(Locale.ROOT, ", %.0f%% of %s (%.0f GB/s per direction)", 100 * t.fractionOfLink(),
            t.linkType(), t.linkGBps());
    String text = String.format(Locale.ROOT, "Interconnect: all-reduce over %s, %s: busbw %.2f GB/s at %s%s; %s",
        t.backend() + (t.ncclVersion() == null ? "" : " " + t.ncclVersion()), Words.count(t.ranks() == null ? 0 : t.ranks(), "rank"), t.busGBps(),
        LinkJudge.size(t.bytes()), link, wrong ? "WRONG SUMS" : "every sum correct");
    String normal = BusBwRanges.load().verdict(gpuName(r), t);
    boolean flagged = !details.isEmpty() || BusBwRanges.below(normal); // a diagnosis, or below its range
    if (normal != null) {
      details.add(String.format(Locale.ROOT, "busbw %.2f GB/s: %s", t.busGBps(), normal));
    }
    p2pLine(r).ifPresent(details::add);
    if (!t.ncclSettings().isEmpty()) {
      details.add("NCCL settings present: " + t.ncclSettings().entrySet().stream().map(e -> e.getKey() + "="
          + e.getValue()).sorted().reduce((a, b) -> a + " " + b).orElse("") + (t.algorithm() == null ? ""
          : "; algorithm " + t.algorithm()));
    }
    Mark mark = wrong ? Mark.FAIL : flagged ? Mark.WARN : Mark.OK;
    return Optional.of(new Line(mark, text, details));
  }

  /** The name of the node's first NVIDIA GPU (the all-reduce's ranks run one per GPU); null without one. */
  static String gpuName(Report r) {
    return r.host() == null ? null : r.host().gpus().stream().filter(g -> "NVIDIA".equals(g.vendor()))
        .map(g -> g.name()).findFirst().orElse(null);
  }

  static Optional<String> p2pLine(Report r) {
    List<Interconnect> p2p = r.interconnect().stream().filter(e -> Interconnect.P2P_COPY.equals(e.test())
        && e.algGBps() != null).toList();
    if (p2p.isEmpty()) {
      return Optional.empty();
    }
    Interconnect min = p2p.stream().min(Comparator.comparing(Interconnect::algGBps)).get();
    Interconnect max = p2p.stream().max(Comparator.comparing(Interconnect::algGBps)).get();
    return Optional.of(String.format(Locale.ROOT, "P2P copies: %d pairs, slowest %s→%s %.1f GB/s, fastest %.1f GB/s",
        p2p.size(), min.src(), min.dst(), min.algGBps(), max.algGBps()));
  }
}
