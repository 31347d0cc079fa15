package dev.envdoctor.doctor;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.CheckStatus;
import dev.envdoctor.model.RuntimeStatus;
import dev.envdoctor.model.Runtimes;
import dev.envdoctor.run.Words;
import dev.envdoctor.run.Console.Mark;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.CheckResult;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.Host;
import dev.envdoctor.model.PythonEnv;
import dev.envdoctor.python.ThreadFinding;
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Recommendation.Evidence;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.model.Summary;
import dev.envdoctor.recommend.Pooling;
import dev.envdoctor.recommend.Format;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import dev.envdoctor.interconnect.NodeSummary;
import dev.envdoctor.recommend.RecommendView;

/** One line per area of the machine (host, accelerators, Python, each runtime, checks) from the report. */
final class Areas {

  record Detail(Mark mark, String text) {}

  record Line(Mark mark, String text, List<Detail> details) {
    Line(Mark mark, String text) {
      this(mark, text, List.of());
    }
  }

  private static final double GIB = 1024.0 * 1024 * 1024;

  private Areas() {}

  static List<Line> of(Report r) {
    List<Line> lines = new ArrayList<>();
    lines.add(host(r.host()));
    lines.add(accelerators(r));
    lines.add(python(r.python()));
    NodeSummary.gpus(r).ifPresent(l -> lines.add(line(l)));
    NodeSummary.interconnect(r).ifPresent(l -> lines.add(line(l)));
    r.runtimes().stream().filter(rt -> rt.name() != null && !Runtimes.isNative(rt.name()))
        .forEach(rt -> lines.add(runtime(r, rt)));
    if (r.runtimes().isEmpty()) {
      lines.add(new Line(Mark.SKIP, "Container runtimes: not probed yet"));
    }
    lines.add(checks(r.checks(), r.summary()));
    return lines;
  }

  /**
   * "your job (yolov8m-69k): natively mps 4.3 days · in docker cpu 50.4 days"; each side's stack
   * named ("natively (python) cpu ... · in docker (djl) cpu ...") when they differ, because then
   * part of the difference is the stack, not the side, and the user's own stack first. Doctor's
   * example job, which nobody asked about, is called so.
   */
  static Optional<String> projectionLine(Recommendation rec) {
    if (rec.projection().isEmpty() || rec.workload() == null) {
      return Optional.empty();
    }
    String job = job(rec.workload());
    if (RecommendView.contended(rec)) {
      return Optional.of(job + ": no projection to plan by from this run: "
          + RecommendView.contention(rec) + "; rerun when the machine is idle (`envdoctor recommend -v` shows the contended figures)");
    }
    boolean stacksDiffer = rec.projection().stream().map(p -> String.valueOf(p.backend())).distinct().count() > 1;
    Backend user = rec.measurement() == null ? null : rec.measurement().userBackend();
    List<Recommendation.Projection> rows = rec.projection().stream()
        .sorted(Comparator.comparing(p -> user != null && user != p.backend())).toList();
    return Optional.of(job + ": " + rows.stream()
        .map(p -> (Runtimes.isNative(p.runtime()) ? "natively" : "in " + p.runtime())
            + (stacksDiffer ? " (" + p.backend() + ")" : "") + " " + p.device() + " " + Format.hours(p.hours()))
        .collect(Collectors.joining(" · ")) + how(rec) + pooled(rows) + asTimed(rows));
  }

  /** "; pooled over 5 runs here; this run alone 73.8 days" for the lead row whose points were pooled, else nothing. */
  static String pooled(List<Recommendation.Projection> rows) {
    return rows.stream().map(Pooling::brief).filter(java.util.Objects::nonNull).findFirst()
        .map(b -> "; " + b).orElse("");
  }

  /** The lead row's trainer settings and bound: "; natively (python) as ultralytics trains: 1 thread, ...". */
  static String asTimed(List<Recommendation.Projection> rows) {
    return rows.stream().filter(p -> p.parts() != null && p.settings() != null).findFirst()
        .map(p -> "; " + (Runtimes.isNative(p.runtime()) ? "natively" : "in " + p.runtime()) + " (" + p.backend() + ") as "
            + p.settings().trainer() + " trains: " + p.settings().describe() + ", " + p.parts().boundWords()
            + (p.parts().validationSeconds() == null ? "" : ", validation included"))
        .orElse("; the training step alone: its input pipeline and validation were not measured");
  }

  /** "your job (NAME)", or "the example job (yolov8m-69k)" when the user stated none. */
  static String job(Recommendation.Workload w) {
    return (w.statedByUser() ? "your job (" : "the example job (")
        + w.name() + ")";
  }

  /** How the projection was made: from the job's own network, scaled by the paired ratios, or the rougher FLOP rate. */
  static String how(Recommendation rec) {
    boolean rough = rec.projection().stream().anyMatch(p -> p.method() == null
        || Recommendation.Projection.FLOP_RATE.equals(p.method()));
    boolean own = rec.projection().stream().anyMatch(p -> p.method() != null
        && !Recommendation.Projection.FLOP_RATE.equals(p.method()));
    boolean paired = rec.projection().stream().anyMatch(p -> Recommendation.Projection.PAIRED.equals(p.method()));
    String model = rec.workload().model() == null ? "the model" : rec.workload().model();
    if (own && !rough) {
      return " (" + model + " itself timed at two reduced sizes, scaled to the job's"
          + (paired ? "; containers × their paired ratio with native" : "") + ")";
    }
    return own ? " (" + model + " timed where it ran; elsewhere the cnn calibration's FLOP rate, the rougher path)"
        : " (by the cnn calibration's FLOP rate: the rougher path, 1.8–3.2× long on a 2-core CPU; " + model
            + " itself was not timed)";
  }

  private static Line line(NodeSummary.Line l) {
    return new Line(l.mark(), l.text(), l.details().stream().map(d -> new Detail(Mark.INFO, d)).toList());
  }

  private static Line host(Host h) {
    if (h == null) {
      return new Line(Mark.SKIP, "Host: not probed yet");
    }
    List<String> parts = new ArrayList<>();
    if (h.os() != null) {
      parts.add(join(" ", h.os().name(), h.os().version(), h.os().arch()));
    }
    if (h.cpu() != null) {
      String split = h.cpu().performanceCores() != null && h.cpu().efficiencyCores() != null
          ? " (" + h.cpu().performanceCores() + "P + " + h.cpu().efficiencyCores() + "E)" : "";
      parts.add(join(", ", h.cpu().model(), h.cpu().logicalCores() == null ? null : h.cpu().logicalCores() + " threads" + split));
    }
    if (h.memory() != null && h.memory().totalBytes() != null) {
      parts.add(String.format(java.util.Locale.ROOT, "%.0f GiB", h.memory().totalBytes() / GIB));
    }
    if (h.virtualization() != null && h.virtualization().vm() != null) {
      String product = h.virtualization().product();
      parts.add("VM " + h.virtualization().vm() + (product == null ? "" : " (" + product + ")"));
    }
    List<Detail> details = new ArrayList<>();
    if (h.power() != null && Boolean.TRUE.equals(h.power().onBattery())) {
      details.add(new Detail(Mark.WARN, "on battery: timings may be throttled; plug in and rerun"));
    }
    return new Line(details.isEmpty() ? Mark.OK : Mark.WARN, "Host: " + String.join(" · ", parts), details);
  }

  private static Line accelerators(Report r) {
    List<String> gpus = r.host() == null ? List.of() : r.host().gpus().stream().map(GpuInfo::name).filter(Objects::nonNull).toList();
    List<DeviceResult> accel = r.devices().stream().filter(d -> d.device() != null && !d.device().equals("cpu")).toList();
    List<String> verified = accel.stream().filter(d -> Boolean.TRUE.equals(d.verified()))
        .map(d -> d.runtime() + " " + d.device() + " (" + d.backend() + ")").distinct().toList();
    List<Detail> failed = accel.stream().filter(d -> Boolean.FALSE.equals(d.verified()))
        .map(d -> new Detail(Mark.FAIL, d.runtime() + " " + d.backend() + " " + d.device() + ": " + d.diagnosis()
            + (d.fix() == null ? "" : " — fix: " + d.fix())))
        .toList();
    String found = gpus.isEmpty() ? "no GPU" : String.join(", ", gpus);
    if (r.devices().isEmpty()) {
      return new Line(Mark.SKIP, "Accelerators: " + found + " (not verified yet)");
    }
    if (verified.isEmpty()) {
      Mark m = gpus.isEmpty() && failed.isEmpty() ? Mark.INFO : Mark.FAIL;
      return new Line(m, "Accelerators: " + found + ": training runs on the CPU", failed);
    }
    return new Line(failed.isEmpty() ? Mark.OK : Mark.WARN,
        "Accelerators: " + found + " · computes correctly on " + String.join(", ", verified), failed);
  }

  private static Line python(PythonEnv p) {
    if (p == null) {
      return new Line(Mark.SKIP, "Python env: not probed yet");
    }
    if (p.diagnosis() != null) {
      // python3 from PATH is a guess of envdoctor's: a warning; a Python the user named fails if torch does not import
      Mark m = p.named() && !p.torchImports() ? Mark.FAIL : Mark.WARN;
      return new Line(m, "Python env: " + (PythonEnv.FROM_PATH.equals(p.found()) ? "python3 from PATH: " : "")
          + p.diagnosis(),
          p.fix() == null ? List.of() : List.of(new Detail(m, "fix: " + p.fix())));
    }
    String where = join(" ", p.version(), p.arch(), Boolean.TRUE.equals(p.venv()) ? "(venv)" : null);
    if (p.torch() == null || p.torch().version() == null) {
      return new Line(Mark.WARN, "Python env: " + where + " at " + p.executable() + ": no torch",
          List.of(new Detail(Mark.WARN, "fix: pip install torch in that environment, or pass --python PATH")));
    }
    String accel = p.torch().cuda() != null ? "CUDA " + p.torch().cuda()
        : p.torch().mps() != null && Boolean.TRUE.equals(p.torch().mps().available()) ? "MPS available" : "CPU build";
    String head = "Python env: " + where + " · torch " + p.torch().version() + " · " + accel;
    // it trains, only slower than it could here: a warning with the gain measured in this run
    return ThreadFinding.of(p.torch().threads())
        .map(f -> new Line(Mark.WARN, head, List.of(new Detail(Mark.WARN, f.diagnosis()), new Detail(Mark.INFO, "fix: " + f.fix()))))
        .orElse(new Line(Mark.OK, head));
  }

  private static Line runtime(Report r, RuntimeInfo rt) {
    String name = Format.label(rt.name());
    if (rt.status() == RuntimeStatus.NOT_INSTALLED) {
      return new Line(Mark.SKIP, name + ": not installed" + (rt.fix() == null ? "" : " · " + rt.fix()));
    }
    if (rt.status() != RuntimeStatus.OK) {
      List<Detail> d = rt.fix() == null ? List.of() : List.of(new Detail(Mark.FAIL, "fix: " + rt.fix()));
      return new Line(Mark.FAIL, name + ": " + rt.status() + (rt.diagnosis() == null ? "" : ": " + rt.diagnosis()), d);
    }
    List<String> parts = new ArrayList<>();
    parts.add(rt.product() == null ? join(" ", rt.name(), rt.serverVersion())
        : rt.product() + (rt.serverVersion() == null ? "" : " (engine " + rt.serverVersion() + ")"));
    if (rt.cpus() != null) {
      Integer host = r.host() == null || r.host().cpu() == null ? null : r.host().cpu().logicalCores();
      parts.add(rt.cpus() + (host == null ? "" : " of " + host) + " CPUs");
    }
    parts.add("GPU access " + (rt.gpuAccess() == null ? "unknown" : rt.gpuAccess()));
    Optional<Evidence> best = figure(r, rt.name());
    best.ifPresent(e -> parts.add("trains on " + e.device() + " (" + e.backend() + " " + e.workload() + ": "
        + Format.number(e.samplesPerSecond(), 1) + " samples/s)"));
    boolean cpuOnly = best.isPresent() && "cpu".equals(best.get().device());
    boolean nativeAccel = r.devices().stream().anyMatch(d -> Runtimes.isNative(d.runtime())
        && Boolean.TRUE.equals(d.verified()) && !"cpu".equals(d.device()));
    List<Detail> details = new ArrayList<>();
    if (cpuOnly && nativeAccel) {
      details.add(new Detail(Mark.WARN, "the container trains on CPU only while native reaches the GPU: train natively, deploy in the container"));
    }
    return new Line(details.isEmpty() ? Mark.OK : Mark.WARN, name + ": " + String.join(" · ", parts), details);
  }

  /**
   * The side's figure as the verdict cited it (python first, then the fastest); before a verdict,
   * the side's fastest calibration.
   */
  private static Optional<Evidence> figure(Report r, String runtime) {
    List<Evidence> rows = r.recommendation() == null ? List.of() : r.recommendation().evidence().stream()
        .filter(e -> runtime.equals(e.runtime()) && e.samplesPerSecond() != null).toList();
    if (!rows.isEmpty()) {
      return rows.stream().filter(e -> e.backend() == Backend.PYTHON).findFirst().or(() -> Optional.of(rows.get(0)));
    }
    return r.calibrations().stream()
        .filter(c -> runtime.equals(c.runtime()) && c.diagnosis() == null && c.samplesPerSecond() != null)
        .max(Comparator.comparingDouble(Calibration::samplesPerSecond))
        .map(c -> new Evidence(c.runtime(), c.backend(), c.device(), c.workload(), c.medianMs(), c.samplesPerSecond(), null));
  }

  private static Line checks(List<CheckResult> checks, Summary s) {
    if (checks.isEmpty() && s == null) {
      return new Line(Mark.SKIP, "Checks: no profile checked yet");
    }
    List<Detail> details = checks.stream().filter(k -> k.status() != CheckStatus.PASS && k.status() != CheckStatus.SKIP)
        .map(k -> new Detail(k.status() == CheckStatus.WARN ? Mark.WARN : Mark.FAIL,
            k.id() + ": " + k.message() + (k.fix() == null ? "" : " — fix: " + k.fix())))
        .toList();
    String text = s == null ? checks.size() + " checks"
        : s.passed() + " passed, " + Words.count(s.warned(), "warning") + ", " + s.failed() + " failed"
            + (s.errors() > 0 ? ", " + Words.count(s.errors(), "error") : "") + (s.skipped() > 0 ? ", " + s.skipped() + " skipped" : "");
    Mark m = s != null && (s.failed() > 0 || s.errors() > 0) ? Mark.FAIL : s != null && s.warned() > 0 ? Mark.WARN : Mark.OK;
    return new Line(m, "Checks: " + text, details);
  }

  private static String join(String sep, String... parts) {
    return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isEmpty()).collect(Collectors.joining(sep));
  }
}
