package dev.envdoctor.report;

import dev.envdoctor.interconnect.LinkJudge;
import dev.envdoctor.interconnect.NodeSummary;
import dev.envdoctor.model.Interconnect;
import dev.envdoctor.model.Report;
import java.util.ArrayList;
import java.util.List;

/** The interconnect[] table and the node's summary lines, shared by the Markdown and HTML reports. */
final class InterconnectRows {

  static final List<String> HEADER = List.of("test", "backend", "ranks", "bytes", "time", "algbw GB/s",
      "busbw GB/s", "correct", "link", "of link", "diagnosis");

  private InterconnectRows() {}

  static List<String> cells(Interconnect e) {
    String test = Interconnect.P2P_COPY.equals(e.test()) ? e.test() + " " + e.src() + "→" + e.dst() : Fmt.text(e.test());
    return List.of(test, Fmt.text(e.backend()) + (e.ncclVersion() == null ? "" : " " + e.ncclVersion()),
        Fmt.text(e.ranks()), e.bytes() == null ? Fmt.NONE : LinkJudge.size(e.bytes()),
        e.seconds() == null ? Fmt.NONE : Fmt.ms(e.seconds() * 1000),
        Fmt.num(e.algGBps()), Fmt.num(e.busGBps()), Fmt.yesNo(e.correct()),
        Fmt.join(" ", e.linkType(), e.linkGBps() == null ? null : "(" + Fmt.num(e.linkGBps()) + " GB/s)"),
        e.fractionOfLink() == null ? Fmt.NONE : Fmt.num(100 * e.fractionOfLink()) + "%", Fmt.text(e.diagnosis()));
  }

  /** The node's lines (GPUs, interconnect) with their details, as text. */
  static List<String> summary(Report r) {
    List<String> lines = new ArrayList<>();
    for (var line : List.of(NodeSummary.gpus(r), NodeSummary.interconnect(r))) {
      line.ifPresent(l -> {
        lines.add(l.text());
        l.details().forEach(d -> lines.add("  " + d));
      });
    }
    return lines;
  }
}
