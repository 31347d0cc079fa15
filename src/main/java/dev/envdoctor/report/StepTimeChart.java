package dev.envdoctor.report;

import dev.envdoctor.model.Calibration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The calibration step times as an inline SVG box-and-strip plot: one row per calibration, every
 * step a dot, the box from the first to the third quartile, the median a bar. The axis turns
 * logarithmic when the rows differ by more than 4×, as a GPU beside a CPU does.
 */
final class StepTimeChart {

  private static final int WIDTH = 820;
  private static final int LABEL = 250;
  private static final int RIGHT = 80;
  private static final int ROW = 34;
  private static final int TOP = 12;
  private static final int AXIS = 44;

  private StepTimeChart() {}

  static String svg(List<Calibration> calibrations) {
    List<Calibration> rows = calibrations.stream()
        .filter(c -> !c.stepTimesMs().isEmpty() || c.medianMs() != null).toList();
    if (rows.isEmpty()) {
      return "<p class=\"muted\">No calibration step times in this report.</p>";
    }
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (Calibration c : rows) {
      for (double v : values(c)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (lo > hi) {
      lo = 1;
      hi = 1;
    }
    Scale x = new Scale(lo, hi, LABEL, WIDTH - RIGHT);
    int height = TOP + rows.size() * ROW + AXIS;
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\" "
        + "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"Step time per side and device, in milliseconds\">",
        WIDTH, height, WIDTH, height));
    for (double t : x.ticks()) {
      double px = x.at(t);
      s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/>",
          px, TOP, px, TOP + rows.size() * ROW));
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>",
          px, TOP + rows.size() * ROW + 16, Fmt.num(t)));
    }
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">step time, ms%s</text>",
        (LABEL + WIDTH - RIGHT) / 2, height - 6, x.log ? " (log scale)" : ""));
    for (int i = 0; i < rows.size(); i++) {
      row(s, rows.get(i), x, TOP + i * ROW + ROW / 2.0);
    }
    return s.append("</svg>").toString();
  }

  private static void row(StringBuilder s, Calibration c, Scale x, double y) {
    String label = Fmt.side(c.runtime(), c.backend(), c.device()) + (c.workload() == null ? "" : " · " + c.workload());
    s.append(String.format(Locale.ROOT, "<g class=\"side side-%s\"><text x=\"%d\" y=\"%.1f\" class=\"label\" text-anchor=\"end\">%s</text>",
        cssName(c.runtime()), LABEL - 10, y + 4, Fmt.html(label)));
    List<Double> v = c.stepTimesMs().stream().sorted().toList();
    if (!v.isEmpty()) {
      double q1 = quantile(v, 0.25);
      double q3 = quantile(v, 0.75);
      s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"whisker\"/>",
          x.at(v.get(0)), y, x.at(v.get(v.size() - 1)), y));
      s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"16\" class=\"box\"/>",
          x.at(q1), y - 8, Math.max(1, x.at(q3) - x.at(q1))));
      for (int i = 0; i < c.stepTimesMs().size(); i++) {
        // a fixed jitter, so the same report always draws the same picture
        double jitter = ((i * 7) % 11 - 5) * 1.3;
        s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.4\" class=\"dot\"/>",
            x.at(c.stepTimesMs().get(i)), y + jitter));
      }
    }
    Double median = c.medianMs() != null ? c.medianMs() : quantile(v, 0.5);
    s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"median\"/>",
        x.at(median), y - 11, x.at(median), y + 11));
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"value\">%s</text></g>",
        WIDTH - RIGHT + 8, y + 4, Fmt.html(Fmt.ms(median))));
  }

  private static List<Double> values(Calibration c) {
    List<Double> all = new ArrayList<>(c.stepTimesMs());
    if (c.medianMs() != null) {
      all.add(c.medianMs());
    }
    return all.stream().filter(d -> d != null && d > 0 && Double.isFinite(d)).toList();
  }

  static double quantile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    double k = (sorted.size() - 1) * p;
    int f = (int) Math.floor(k);
    int c = Math.min(f + 1, sorted.size() - 1);
    return sorted.get(f) + (sorted.get(c) - sorted.get(f)) * (k - f);
  }

  private static String cssName(String runtime) {
    return runtime == null ? "other" : runtime.replaceAll("[^a-z0-9-]", "");
  }

  /** Milliseconds to pixels, linear or logarithmic, with round tick values. */
  private static final class Scale {
    final boolean log;
    final double lo;
    final double hi;
    final double left;
    final double right;

    Scale(double min, double max, double left, double right) {
      this.log = min > 0 && max / min > 4;
      double pad = Math.max((max - min) * 0.08, Math.abs(max) * 0.05 + 1e-6);
      this.lo = log ? min / 1.15 : Math.max(0, min - pad);
      this.hi = log ? max * 1.15 : max + pad;
      this.left = left;
      this.right = right;
    }

    double at(double v) {
      double f = log ? (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) : (v - lo) / (hi - lo);
      if (!Double.isFinite(f)) {
        f = 0.5;
      }
      return left + Math.max(0, Math.min(1, f)) * (right - left);
    }

    List<Double> ticks() {
      List<Double> out = new ArrayList<>();
      if (log) {
        for (double p = Math.pow(10, Math.floor(Math.log10(lo))); p <= hi; p *= 10) {
          for (double m : new double[] {1, 2, 5}) {
            if (p * m >= lo && p * m <= hi) {
              out.add(p * m);
            }
          }
        }
        return out;
      }
      double span = hi - lo;
      double step = Math.pow(10, Math.floor(Math.log10(span / 5)));
      for (double m : new double[] {1, 2, 5, 10}) {
        if (span / (step * m) <= 6) {
          step *= m;
          break;
        }
      }
      for (double t = Math.ceil(lo / step) * step; t <= hi; t += step) {
        out.add(t);
      }
      return out;
    }
  }
}
