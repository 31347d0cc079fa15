package dev.envdoctor.report;

import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.CheckResult;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import java.util.Arrays;
import java.util.List;
import dev.envdoctor.recommend.RecommendView;
import dev.envdoctor.recommend.TimedApart;

/**
 * One self-contained HTML page: inline CSS, an inline SVG chart, no script and nothing fetched, so
 * it opens the same from an e-mail attachment, a CI artifact or a machine without network.
 */
final class HtmlRenderer implements ReportRenderer {

  private static final String CSS = """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1000px;color:#1d2330;padding:0 16px}
      h1{font-size:20px;margin:0 0 12px}h2{font-size:16px;margin:28px 0 8px;border-bottom:1px solid #dde2ea;padding-bottom:4px}
      .verdict{padding:14px 16px;border-radius:8px;border-left:6px solid #7a8599;background:#f3f5f8;font-size:16px;font-weight:600}
      .verdict.pass{border-color:#2e7d32;background:#edf7ee}.verdict.warn{border-color:#c77700;background:#fff6e5}
      .verdict.fail{border-color:#c62828;background:#fdecec}
      table{border-collapse:collapse;width:100%;margin:6px 0}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e6e9ef;vertical-align:top}
      th{background:#f7f8fa;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
      .st{font-weight:700;text-transform:uppercase;font-size:12px}.st.pass,.st.ok,.st.yes{color:#2e7d32}.st.warn{color:#b26a00}
      .st.fail,.st.error,.st.no{color:#c62828}.st.skip{color:#7a8599}
      dl.kv{display:grid;grid-template-columns:160px 1fr;gap:2px 12px;margin:6px 0}dl.kv dt{color:#5a6478}dl.kv dd{margin:0}
      .contended{color:#b26a00;font-weight:600}.muted{color:#7a8599}pre{background:#f3f5f8;padding:8px;overflow:auto;font-size:12px;white-space:pre-wrap;word-break:break-word}
      svg.chart{max-width:100%;height:auto}svg .grid{stroke:#e6e9ef}svg .tick,svg .axis,svg .value{font-size:11px;fill:#5a6478}
      svg .label{font-size:12px;fill:#1d2330}svg .box{fill:#1565c022;stroke:#1565c0}svg .whisker{stroke:#7a8599}
      svg .dot{fill:#1565c0;opacity:.55}svg .median{stroke:#0d2f5e;stroke-width:2.5}
      svg .side-docker .box{fill:#00838f22;stroke:#00838f}svg .side-docker .dot{fill:#00838f}
      svg .side-podman .box{fill:#6a1b9a22;stroke:#6a1b9a}svg .side-podman .dot{fill:#6a1b9a}
      footer{margin-top:32px;color:#7a8599;font-size:12px}
      """;

  @Override
  public String format() {
    return "html";
  }

  @Override
  public String extension() {
    return "html";
  }

  @Override
  public String render(Report r) {
    Headline h = Headline.of(r);
    StringBuilder b = new StringBuilder(16_384);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        // no script and no request: the page must not reach out, whoever opens it
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
        .append("<title>envdoctor report</title><style>").append(CSS).append("</style></head><body>\n");
    b.append("<h1>envdoctor report</h1>\n");
    b.append("<div class=\"verdict ").append(h.outlook().name().toLowerCase(java.util.Locale.ROOT))
        .append("\" id=\"verdict\">").append(Fmt.html(h.verdict())).append("</div>\n");
    b.append("<dl class=\"kv\"><dt>Checks</dt><dd>").append(Fmt.html(h.checks())).append("</dd>");
    if (r.recommendation() != null && r.recommendation().reason() != null) {
      b.append("<dt>Why</dt><dd>").append(Fmt.html(r.recommendation().reason())).append("</dd>");
    }
    b.append("<dt>Accelerators</dt><dd>").append(Fmt.html(String.join(" · ", h.accelerators()))).append("</dd>");
    for (Headline.Item i : h.versions()) {
      b.append("<dt>").append(Fmt.html(i.label())).append("</dt><dd>").append(Fmt.html(i.value())).append("</dd>");
    }
    b.append("</dl>\n");
    section(b, "Checks");
    table(b, List.of("status", "check", "message", "fix"), r.checks().stream().map((CheckResult c) -> row(
        status(Fmt.text(c.status())), Fmt.html(c.id()) + "<br><span class=\"muted\">" + Fmt.html(c.title()) + "</span>",
        Fmt.html(c.message()), Fmt.html(c.fix()))).toList());
    recommendation(b, r);
    if (r.race() != null) {
      section(b, "Race: your command natively and in your image");
      table(b, RaceRows.HEADER, RaceRows.rows(r.race()).stream().map(cells -> row(cells.stream().map(Fmt::html)
          .toArray(String[]::new))).toList());
      b.append("<p class=\"muted\">").append(Fmt.html(String.join(" · ", r.race().notes()))).append("</p>\n");
    }
    section(b, "Step times per side and device");
    b.append(StepTimeChart.svg(r.calibrations())).append('\n');
    table(b, List.of("side", "workload", "batch", "steps", "median", "p10", "p90", "cv", "samples/s", "GFLOP/s"),
        r.calibrations().stream().map((Calibration c) -> row(Fmt.html(Fmt.side(c.runtime(), c.backend(), c.device())),
            Fmt.html(c.workload()), num(Fmt.text(c.batch())), num(Fmt.text(c.steps())), num(Fmt.ms(c.medianMs())),
            num(Fmt.ms(c.p10Ms())), num(Fmt.ms(c.p90Ms())), num(Fmt.num(c.cv())), num(Fmt.num(c.samplesPerSecond())),
            num(Fmt.num(c.achievedGflops())))).toList());
    if (!r.peaks().isEmpty()) {
      table(b, List.of("peak test", "side", "dtype", "achieved", "of datasheet peak", "normal?", "board during the test"),
          r.peaks().stream().map(p -> row(
          Fmt.html(p.test()), Fmt.html(Fmt.side(p.runtime(), p.backend(), p.device())), Fmt.html(p.dtype()),
          num(Fmt.num(p.achieved()) + " " + Fmt.text(p.unit())),
          num(p.fractionOfPeak() == null ? Fmt.NONE : Fmt.num(100 * p.fractionOfPeak()) + "%"),
          Fmt.html(Fmt.text(p.normal())), Fmt.html(Fmt.text(p.conditions() == null ? null : p.conditions().limit()))))
          .toList());
    }
    if (!r.interconnect().isEmpty()) {
      section(b, "Interconnect");
      b.append("<ul>");
      InterconnectRows.summary(r).forEach(l -> b.append("<li>").append(Fmt.html(l.strip())).append("</li>"));
      b.append("</ul>\n");
      table(b, InterconnectRows.HEADER, r.interconnect().stream().map(e -> InterconnectRows.cells(e).stream()
          .map(Fmt::html).toList()).toList());
    }
    section(b, "Devices");
    table(b, List.of("side", "device", "verified", "max abs error", "diagnosis"), r.devices().stream().map((DeviceResult d) -> row(
        Fmt.html(Fmt.side(d.runtime(), d.backend(), d.device())), Fmt.html(d.name()),
        status(Boolean.TRUE.equals(d.verified()) ? "yes" : "no"), num(Fmt.num(d.maxAbsError())),
        Fmt.html(d.diagnosis()) + tail(d.stderrTail()))).toList());
    section(b, "Runtimes");
    table(b, List.of("name", "status", "version", "CPUs", "memory", "GPU access", "diagnosis"), r.runtimes().stream().map((RuntimeInfo rt) -> row(
        Fmt.html(rt.name()), status(Fmt.text(rt.status())), Fmt.html(Fmt.join(" ", rt.serverVersion(), rt.product() == null ? null : "(" + rt.product() + ")")),
        num(Fmt.text(rt.cpus())), num(Fmt.bytes(rt.memoryBytes())), Fmt.html(rt.gpuAccess()),
        Fmt.html(rt.diagnosis()) + (rt.fix() == null ? "" : "<br><span class=\"muted\">fix: " + Fmt.html(rt.fix()) + "</span>"))).toList());
    section(b, "Host, JVM, Python, stages");
    b.append(hostDetails(r)).append('\n');
    b.append("<footer>").append(Fmt.html(MarkdownRenderer.footer(r))).append("</footer>\n</body></html>\n");
    return b.toString();
  }

  private static void recommendation(StringBuilder b, Report r) {
    var rec = r.recommendation();
    if (rec == null) {
      return;
    }
    section(b, "Recommendation");
    b.append("<dl class=\"kv\">");
    if (rec.train() != null) {
      b.append("<dt>Train on</dt><dd>").append(Fmt.html(Fmt.side(rec.train().runtime(), rec.train().backend(), rec.train().device()))).append("</dd>");
    }
    if (rec.speedup() != null) {
      b.append("<dt>Speed-up</dt><dd>").append(Fmt.html(Fmt.speedup(rec))).append("</dd>");
    }
    if (rec.deployment() != null) {
      b.append("<dt>Deployment</dt><dd>").append(Fmt.html(Fmt.deployment(rec.deployment()))).append("</dd>");
    }
    b.append("</dl>\n");
    var w = rec.workload();
    if (!rec.projection().isEmpty()) {
      b.append("<p>Projected wall time").append(w == null ? "" : Fmt.html(" for " + Fmt.workload(w))).append(":</p>");
      if (Fmt.contended(rec)) {
        b.append("<p class=\"contended\">").append(Fmt.html(Fmt.CONTENDED + ": " + RecommendView.contention(rec))).append("</p>");
      }
      table(b, Fmt.PROJECTION_HEAD, rec.projection().stream().map(p -> {
        List<String> cells = Fmt.projection(p);
        return row(Fmt.html(cells.get(0)), num(Fmt.html(cells.get(1))), num(Fmt.html(cells.get(2))), num(cells.get(3)),
            Fmt.html(cells.get(4)), Fmt.html(cells.get(5)));
      }).toList());
      String apart = TimedApart.disagreement(rec);
      if (apart != null) {
        b.append("<p class=\"contended\">").append(Fmt.html(apart)).append("</p>");
      }
    }
  }

  private static String hostDetails(Report r) {
    List<Headline.Item> rows = new java.util.ArrayList<>(HostFacts.rows(r.host()));
    if (r.jvm() != null) {
      rows.add(new Headline.Item("JVM home", Fmt.text(r.jvm().home())));
    }
    if (r.python() != null) {
      rows.add(new Headline.Item("Python", Fmt.join(" · ", r.python().executable(), r.python().arch(),
          Boolean.TRUE.equals(r.python().venv()) ? "venv" : null, r.python().found() == null ? null : "found by " + r.python().found())));
      if (r.python().diagnosis() != null) {
        rows.add(new Headline.Item("Python problem", Fmt.join(". Fix: ", r.python().diagnosis(), r.python().fix())));
      }
    }
    r.engines().forEach(e -> rows.add(new Headline.Item(Fmt.text(e.name()) + " (" + Fmt.text(e.runtime()) + ")",
        Fmt.join(" · ", e.libraryPath(), e.diagnosis()))));
    r.stages().forEach(s -> rows.add(new Headline.Item("stage " + s.name(),
        Fmt.join(" · ", s.status(), s.millis() + " ms", s.error()))));
    if (rows.isEmpty()) {
      return "<p class=\"muted\">not probed</p>";
    }
    StringBuilder b = new StringBuilder("<dl class=\"kv\">");
    rows.forEach(i -> b.append("<dt>").append(Fmt.html(i.label())).append("</dt><dd>").append(Fmt.html(i.value())).append("</dd>"));
    return b.append("</dl>").toString();
  }

  private static void section(StringBuilder b, String title) {
    b.append("<h2>").append(Fmt.html(title)).append("</h2>\n");
  }

  private static void table(StringBuilder b, List<String> head, List<List<String>> rows) {
    if (rows.isEmpty()) {
      b.append("<p class=\"muted\">none</p>\n");
      return;
    }
    b.append("<table><thead><tr>");
    head.forEach(h -> b.append("<th>").append(Fmt.html(h)).append("</th>"));
    b.append("</tr></thead><tbody>");
    for (List<String> row : rows) {
      b.append("<tr>");
      for (String cell : row) {
        b.append(cell.startsWith("<td") ? cell : "<td>" + cell + "</td>");
      }
      b.append("</tr>");
    }
    b.append("</tbody></table>\n");
  }

  private static List<String> row(String... cells) {
    return Arrays.asList(cells);
  }

  private static String status(String s) {
    String name = Fmt.text(s);
    return "<td class=\"st " + Fmt.html(name.replaceAll("[^a-z-]", "")) + "\">" + Fmt.html(name) + "</td>";
  }

  private static String num(String s) {
    return "<td class=\"num\">" + Fmt.html(s) + "</td>";
  }

  private static String tail(List<String> lines) {
    return lines.isEmpty() ? "" : "<pre>" + Fmt.html(String.join("\n", lines)) + "</pre>";
  }
}
