package dev.envdoctor.interconnect;

import dev.envdoctor.flow.RunContext;
import dev.envdoctor.flow.View;
import dev.envdoctor.model.GpuTopology;
import dev.envdoctor.model.Interconnect;
import dev.envdoctor.model.Report;
import dev.envdoctor.run.Console;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The calibrate section's GPUs and interconnect: the per-GPU line, the all-reduce sweep (size,
 * time, algbw, busbw, correct), the link it was held against, the P2P matrix and the GPUs' wiring.
 * Drawn from the report alone.
 */
public final class InterconnectView implements View {

  @Override
  public void print(Report r, RunContext ctx) {
    Console c = ctx.console();
    NodeSummary.gpus(r).ifPresent(l -> {
      c.mark(l.mark(), l.text());
      l.details().forEach(c::detail);
    });
    List<Interconnect> ar = r.interconnect().stream().filter(Interconnect::allReduce).toList();
    if (ar.isEmpty()) {
      return;
    }
    c.heading("Interconnect (all-reduce bus bandwidth, nccl-tests' definition; docs/interconnect.md)");
    NodeSummary.interconnect(r).ifPresent(l -> {
      c.mark(l.mark(), l.text());
      l.details().forEach(c::detail);
    });
    for (Interconnect e : ar) {
      if (e.bytes() != null) {
        c.line(String.format(Locale.ROOT, "  %10s  %10s  %8s algbw  %8s busbw  %s", LinkJudge.size(e.bytes()),
            e.seconds() == null ? "n/a" : String.format(Locale.ROOT, "%.1f µs", e.seconds() * 1e6),
            fmt(e.algGBps()), fmt(e.busGBps()), Boolean.TRUE.equals(e.correct()) ? "correct" : "WRONG"));
      }
    }
    matrix(r, c);
    topology(r.topology(), c);
    c.flush();
  }

  private static void matrix(Report r, Console c) {
    List<Interconnect> p2p = r.interconnect().stream().filter(e -> Interconnect.P2P_COPY.equals(e.test())).toList();
    List<String> gpus = p2p.stream().map(Interconnect::src).distinct().sorted().toList();
    if (gpus.isEmpty()) {
      return;
    }
    c.line("  P2P copy GB/s (row: from, column: to)");
    c.line("  " + String.format("%-8s", "") + gpus.stream().map(g -> String.format("%8s", g)).collect(Collectors.joining()));
    for (String from : gpus) {
      StringBuilder b = new StringBuilder("  " + String.format("%-8s", from));
      for (String to : gpus) {
        b.append(String.format("%8s", from.equals(to) ? "-" : p2p.stream().filter(e -> from.equals(e.src())
            && to.equals(e.dst())).findFirst().map(e -> fmt(e.algGBps())).orElse("?")));
      }
      c.line(b.toString());
    }
  }

  private static void topology(GpuTopology t, Console c) {
    if (t == null) {
      return;
    }
    if (t.diagnosis() != null) {
      c.detail(Console.Mark.WARN, t.source() + ": " + t.diagnosis());
      return;
    }
    String paths = t.links().stream().filter(l -> l.to().startsWith("GPU")).map(GpuTopology.Link::path).distinct()
        .sorted().collect(Collectors.joining(", "));
    c.detail(Console.Mark.INFO, t.source() + ": " + t.gpus().size() + " GPUs, paths between them: " + paths
        + "; NUMA " + t.gpus().stream().map(g -> g.name() + "=" + (g.numaAffinity() == null ? "n/a" : g.numaAffinity()))
            .collect(Collectors.joining(" ")));
  }

  private static String fmt(Double v) {
    return v == null ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
  }
}
