package dev.envdoctor.report;

import dev.envdoctor.run.Words;
import dev.envdoctor.model.Backend;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.recommend.Format;
import dev.envdoctor.recommend.Ranges;
import dev.envdoctor.recommend.RecommendView;
import dev.envdoctor.recommend.TimedApart;

/** Small formatting shared by the renderers: every method accepts null and answers "—" for it. */
public final class Fmt {

  public static final String NONE = "—";

  private Fmt() {}

  public static String text(Object value) {
    return value == null || value.toString().isBlank() ? NONE : value.toString();
  }

  public static String bytes(Long bytes) {
    if (bytes == null) {
      return NONE;
    }
    double gib = bytes / (1024.0 * 1024 * 1024);
    if (gib >= 1024) {
      return String.format(Locale.ROOT, "%.1f TiB", gib / 1024);
    }
    return gib >= 1 ? String.format(Locale.ROOT, "%.1f GiB", gib)
        : String.format(Locale.ROOT, "%.0f MiB", bytes / (1024.0 * 1024));
  }

  public static String ms(Double ms) {
    if (ms == null) {
      return NONE;
    }
    return ms >= 100 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.2f ms", ms);
  }

  /** Three significant digits or so, without trailing noise: 4.1, 0.0312, 148. */
  public static String num(Double value) {
    if (value == null) {
      return NONE;
    }
    double a = Math.abs(value);
    if (a != 0 && (a < 0.001 || a >= 1e6)) {
      return String.format(Locale.ROOT, "%.2e", value);
    }
    String s = a >= 100 ? String.format(Locale.ROOT, "%.0f", value)
        : a >= 10 ? String.format(Locale.ROOT, "%.1f", value)
        : a >= 1 ? String.format(Locale.ROOT, "%.2f", value)
        : String.format(Locale.ROOT, "%.3g", value);
    return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  public static String hz(Long hz) {
    return hz == null ? NONE : String.format(Locale.ROOT, "%.2f GHz", hz / 1e9);
  }

  public static String yesNo(Boolean b) {
    return b == null ? NONE : b ? "yes" : "no";
  }

  /** Non-blank parts joined by the separator; "—" when none is left. */
  public static String join(String sep, Object... parts) {
    String s = Stream.of(parts).filter(Objects::nonNull).map(Object::toString)
        .filter(p -> !p.isBlank()).collect(Collectors.joining(sep));
    return s.isEmpty() ? NONE : s;
  }

  /** The deployment advice under a "Deployment" label: without its own "Deploy: " (the console's label). */
  public static String deployment(String advice) {
    return advice != null && advice.startsWith("Deploy: ") ? advice.substring("Deploy: ".length()) : advice;
  }

  /** runtime/backend/device, the name of one measured configuration. */
  public static String side(String runtime, Backend backend, String device) {
    return side(runtime, Backend.text(backend), device);
  }

  public static String side(String runtime, String backend, String device) {
    return Stream.of(runtime, backend, device).filter(Objects::nonNull).collect(Collectors.joining("/"));
  }

  /**
   * "4.34× (95% interval 4.04–4.65)", the interval left out where unknown or meaningless (ends more
   * than Ranges.MEANINGLESS apart), and marked when the run was contended.
   */
  public static String speedup(Recommendation rec) {
    List<Double> ci = Ranges.speedupInterval(rec);
    String interval = !ci.isEmpty() ? " (95% interval " + num(ci.get(0)) + "–" + num(ci.get(1)) + ")"
        : Ranges.speedupTooWide(rec) ? " (interval too wide to mean anything)" : "";
    // the pairs' load only: the projection's own turn does not make the speed-up contended
    boolean pairs = rec.measurement() != null && Boolean.TRUE.equals(rec.measurement().contended());
    return num(rec.speedup()) + "×" + interval + (pairs ? " " + CONTENDED : "");
  }

  /** The mark a contended run's figures carry in the files. */
  public static final String CONTENDED = "[contended run: not a figure to plan by]";

  public static boolean contended(Recommendation rec) {
    return RecommendView.contended(rec);
  }

  /** The projection table's header, the console's columns. */
  public static final List<String> PROJECTION_HEAD = List.of("side", "wall time", "p10–p90", "s/image", "how",
      "the job as timed");

  /** One projection row in the console's unit ("45.1 days", "44.0–46.3 days"), the range only where it means anything. */
  public static List<String> projection(Recommendation.Projection p) {
    String range = java.util.Objects.requireNonNullElse(Format.hoursRange(p), NONE);
    return List.of(side(p.runtime(), p.backend(), p.device()),
        p.hours() == null ? NONE : Format.hours(p.hours()), range, num(p.secondsPerImage()),
        TimedApart.how(p) + (Boolean.TRUE.equals(p.contended()) ? " " + CONTENDED : ""), jobAsTimed(p));
  }

  /** The row's settings and parts (Format.jobAsTimed), or — where it has none. */
  public static String jobAsTimed(Recommendation.Projection p) {
    return java.util.Objects.requireNonNullElse(Format.jobAsTimed(p), NONE);
  }

  /** "cnn, 50 epochs × 10000 images at 640 px". */
  public static String workload(Recommendation.Workload w) {
    return text(w.name()) + ", " + (w.epochs() == null ? NONE + " epochs" : Words.count(w.epochs(), "epoch")) + " × " + text(w.images()) + " images at " + text(w.imgsz()) + " px";
  }

  public static String html(Object value) {
    String s = text(value);
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A value inside a Markdown table cell: no pipes or line breaks, and no HTML a tracker would run. */
  public static String cell(Object value) {
    return text(value).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
        .replaceAll("\\R", " ");
  }
}
