package dev.envdoctor.report;

import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.CheckResult;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Engine;
import dev.envdoctor.model.Host;
import dev.envdoctor.model.Peak;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.model.StageRun;
import java.util.Arrays;
import java.util.List;
import dev.envdoctor.recommend.RecommendView;
import dev.envdoctor.recommend.TimedApart;

/** The folded part of the Markdown report: one table per section, "—" for what is unknown. */
final class MarkdownDetails {

  private final StringBuilder md;

  MarkdownDetails(StringBuilder md) {
    this.md = md;
  }

  void append(Report r) {
    host(r.host());
    section("JVM");
    if (r.jvm() == null) {
      md.append("not probed\n\n");
    } else {
      table(List.of("version", "vendor", "arch", "Rosetta 2", "home"),
          List.of(row(r.jvm().version(), r.jvm().vendor(), r.jvm().arch(), Fmt.yesNo(r.jvm().translated()), r.jvm().home())));
    }
    section("Python / torch");
    if (r.python() == null) {
      md.append("not probed\n\n");
    } else {
      var p = r.python();
      var t = p.torch();
      table(List.of("executable", "version", "arch", "venv", "found by", "torch", "CUDA", "MPS built", "MPS available"),
          List.of(row(p.executable(), p.version(), p.arch(), Fmt.yesNo(p.venv()), p.found(),
              t == null ? null : t.version(), t == null ? null : t.cuda(),
              t == null || t.mps() == null ? null : Fmt.yesNo(t.mps().built()),
              t == null || t.mps() == null ? null : Fmt.yesNo(t.mps().available()))));
      if (p.diagnosis() != null) {
        md.append("> ").append(MarkdownRenderer.inline(p.diagnosis()))
            .append(p.fix() == null ? "" : " Fix: " + MarkdownRenderer.inline(p.fix())).append("\n\n");
      }
    }
    section("Engines");
    table(List.of("side", "engine", "version", "libtorch", "flavor", "library path", "diagnosis"),
        r.engines().stream().map((Engine e) -> List.<Object>of(n(e.runtime()), n(e.name()), n(e.version()),
            n(e.libtorchVersion()), n(e.flavor()), n(e.libraryPath()), n(e.diagnosis()))).toList());
    section("Runtimes");
    table(List.of("name", "status", "version", "product", "os/arch", "CPUs", "memory", "GPU access", "diagnosis", "fix"),
        r.runtimes().stream().map((RuntimeInfo rt) -> List.<Object>of(n(rt.name()), n(rt.status()), n(rt.serverVersion()),
            n(rt.product()), Fmt.join("/", rt.os(), rt.arch()), n(rt.cpus()), Fmt.bytes(rt.memoryBytes()),
            n(rt.gpuAccess()), n(rt.diagnosis()), n(rt.fix()))).toList());
    section("Devices");
    table(List.of("side", "name", "verified", "max abs error", "tolerance", "diagnosis", "fix"),
        r.devices().stream().map((DeviceResult d) -> List.<Object>of(Fmt.side(d.runtime(), d.backend(), d.device()),
            n(d.name()), Boolean.TRUE.equals(d.verified()) ? "✓" : "✗", Fmt.num(d.maxAbsError()), Fmt.num(d.tolerance()),
            n(d.diagnosis()), n(d.fix()))).toList());
    for (DeviceResult d : r.devices()) {
      if (!d.stderrTail().isEmpty()) {
        md.append("`").append(Fmt.side(d.runtime(), d.backend(), d.device())).append("` stderr:\n\n```\n");
        d.stderrTail().forEach(l -> md.append(l.replace("```", "'''")).append('\n'));
        md.append("```\n\n");
      }
    }
    section("Calibrations");
    table(List.of("side", "workload", "batch", "steps", "median", "p10", "p90", "cv", "samples/s", "GFLOP/s", "diagnosis"),
        r.calibrations().stream().map((Calibration c) -> List.<Object>of(Fmt.side(c.runtime(), c.backend(), c.device()),
            n(c.workload()), n(c.batch()), n(c.steps()), Fmt.ms(c.medianMs()), Fmt.ms(c.p10Ms()), Fmt.ms(c.p90Ms()),
            Fmt.num(c.cv()), Fmt.num(c.samplesPerSecond()), Fmt.num(c.achievedGflops()), n(c.diagnosis()))).toList());
    section("Peaks");
    table(List.of("side", "test", "dtype", "achieved", "datasheet peak", "fraction", "normal?", "board during the test",
            "diagnosis"),
        r.peaks().stream().map((Peak p) -> List.<Object>of(Fmt.side(p.runtime(), p.backend(), p.device()), n(p.test()),
            n(p.dtype()), Fmt.num(p.achieved()) + " " + Fmt.text(p.unit()), Fmt.num(p.datasheetPeak()),
            Fmt.num(p.fractionOfPeak()), n(p.normal()), n(p.conditions() == null ? null : p.conditions().limit()),
            n(p.diagnosis()))).toList());
    if (!r.interconnect().isEmpty()) {
      section("Interconnect");
      InterconnectRows.summary(r).forEach(l -> md.append(l.startsWith("  ") ? "  - " + l.strip() : "- " + l).append('\n'));
      md.append('\n');
      table(InterconnectRows.HEADER,
          r.interconnect().stream().map(e -> List.<Object>copyOf(InterconnectRows.cells(e))).toList());
    }
    recommendation(r);
    section("Checks");
    table(List.of("status", "id", "title", "severity", "message", "fix"),
        r.checks().stream().map((CheckResult c) -> List.<Object>of(n(c.status()), n(c.id()), n(c.title()),
            n(c.severity()), n(c.message()), n(c.fix()))).toList());
    section("Stages");
    table(List.of("stage", "status", "time", "error"),
        r.stages().stream().map((StageRun s) -> List.<Object>of(n(s.name()), n(s.status()), s.millis() + " ms", n(s.error()))).toList());
  }

  private void host(Host h) {
    section("Host");
    if (h == null) {
      md.append("not probed\n\n");
      return;
    }
    table(List.of("", ""), HostFacts.rows(h).stream().map(i -> List.<Object>of(i.label(), i.value())).toList());
  }

  private void recommendation(Report r) {
    var rec = r.recommendation();
    if (rec == null) {
      return;
    }
    section("Recommendation");
    md.append(MarkdownRenderer.inline(rec.verdict())).append("  \n");
    if (rec.reason() != null) {
      md.append("Why: ").append(MarkdownRenderer.inline(rec.reason())).append("  \n");
    }
    if (rec.speedup() != null) {
      md.append("Speed-up: ").append(Fmt.speedup(rec)).append("  \n");
    }
    if (rec.deployment() != null) {
      md.append("Deployment: ").append(MarkdownRenderer.inline(Fmt.deployment(rec.deployment()))).append("\n");
    }
    md.append('\n');
    if (!rec.projection().isEmpty()) {
      var w = rec.workload();
      md.append("Projection").append(w == null ? "" : " for " + MarkdownRenderer.inline(Fmt.workload(w))).append(":\n\n");
      if (Fmt.contended(rec)) {
        md.append(Fmt.CONTENDED).append(": ").append(MarkdownRenderer.inline(RecommendView.contention(rec))).append("\n\n");
      }
      table(Fmt.PROJECTION_HEAD, rec.projection().stream().map(p -> List.<Object>copyOf(Fmt.projection(p))).toList());
      String apart = TimedApart.disagreement(rec);
      if (apart != null) {
        md.append('\n').append(MarkdownRenderer.inline(apart)).append("\n");
      }
    }
  }

  private void section(String title) {
    md.append("#### ").append(title).append("\n\n");
  }

  private void table(List<String> head, List<List<Object>> rows) {
    if (rows.isEmpty()) {
      md.append("none\n\n");
      return;
    }
    md.append('|');
    head.forEach(c -> md.append(' ').append(c).append(" |"));
    md.append("\n|");
    head.forEach(c -> md.append("---|"));
    md.append('\n');
    for (List<Object> row : rows) {
      md.append('|');
      row.forEach(c -> md.append(' ').append(Fmt.cell(c)).append(" |"));
      md.append('\n');
    }
    md.append('\n');
  }

  private static List<Object> row(Object... cells) {
    return Arrays.asList(cells);
  }

  private static Object n(Object o) {
    return o == null ? Fmt.NONE : o;
  }
}
