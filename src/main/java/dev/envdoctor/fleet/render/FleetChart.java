package dev.envdoctor.fleet.render;

import dev.envdoctor.fleet.FigureClass;
import dev.envdoctor.fleet.Robust;
import java.util.Locale;

/**
 * One hardware class as an inline SVG: a row per node with its figure as a dot, the median as a
 * line, the spread (median ± 1.4826 × MAD) as a band, the outlier threshold dashed, outliers red.
 */
final class FleetChart {

  private static final int WIDTH = 820;
  private static final int LABEL = 160;
  private static final int RIGHT = 110;
  private static final int ROW = 26;
  private static final int TOP = 10;
  private static final int AXIS = 36;

  private FleetChart() {}

  static String svg(FigureClass c) {
    double hi = c.median();
    double lo = c.median();
    for (FigureClass.Point p : c.points()) {
      hi = Math.max(hi, p.samplesPerSecond());
      lo = Math.min(lo, p.samplesPerSecond());
    }
    double sigma = c.mad() == null ? 0 : Robust.MAD_TO_SIGMA * c.mad();
    hi = Math.max(hi, c.median() + sigma) * 1.05;
    lo = Math.max(0, Math.min(lo, c.threshold() == null ? c.median() - sigma : c.threshold()) * 0.9);
    if (hi <= lo) {
      hi = lo + 1;
    }
    int plot = WIDTH - LABEL - RIGHT;
    int height = TOP + ROW * c.points().size() + AXIS;
    double l = lo;
    double span = hi - lo;
    java.util.function.DoubleFunction<Double> x = v -> LABEL + plot * (v - l) / span;
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\" font-family=\"sans-serif\" font-size=\"12\">%n",
        WIDTH, height, FleetText.xml("samples/s per node: " + c.classKey())));
    int bottom = TOP + ROW * c.points().size();
    s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#dbe7fb\"><title>spread: median ± 1.4826 × MAD</title></rect>%n",
        x.apply(Math.max(lo, c.median() - sigma)), TOP, x.apply(Math.min(hi, c.median() + sigma)) - x.apply(Math.max(lo, c.median() - sigma)), ROW * c.points().size()));
    s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#1f5bd6\" stroke-width=\"2\"/>%n",
        x.apply(c.median()), x.apply(c.median()), TOP, bottom));
    s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#1f5bd6\" text-anchor=\"middle\">%s median %s</text>%n",
        x.apply(c.median()), bottom + 30, c.reference(), FleetText.rate(c.median())));
    if (c.threshold() != null) {
      s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#b3261e\" stroke-dasharray=\"4 3\"/>%n",
          x.apply(c.threshold()), x.apply(c.threshold()), TOP, bottom));
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#b3261e\" text-anchor=\"middle\">flagged below %s</text>%n",
          x.apply(c.threshold()), bottom + 14, FleetText.rate(c.threshold())));
    }
    int i = 0;
    for (FigureClass.Point p : c.points()) {
      int y = TOP + ROW * i++ + ROW / 2;
      String color = p.outlier() ? "#b3261e" : "#1d2330";
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"%s\">%s</text>%n",
          LABEL - 8, y + 4, color, FleetText.xml(p.node())));
      s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"%d\" fill=\"%s\"><title>%s: %s (%s below the median)</title></circle>%n",
          x.apply(p.samplesPerSecond()), y, p.outlier() ? 7 : 5, color, FleetText.xml(p.node()),
          FleetText.rate(p.samplesPerSecond()), FleetText.pct(p.shortfall())));
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s%s</text>%n", WIDTH - RIGHT + 8, y + 4, color,
          FleetText.rate(p.samplesPerSecond()), p.outlier() ? " outlier" : ""));
    }
    return s.append("</svg>").toString();
  }
}
