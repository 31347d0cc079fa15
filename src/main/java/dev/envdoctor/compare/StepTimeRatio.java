package dev.envdoctor.compare;

import dev.envdoctor.calibrate.stats.Decision;
import dev.envdoctor.calibrate.stats.Dispersion;
import dev.envdoctor.calibrate.stats.RatioEstimate;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.recommend.Measured;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/**
 * OTHER's median step time over BASE's for one (runtime, backend, device, workload), with a 95%
 * percentile-bootstrap interval over the two samples of step times (fixed seed: the same reports
 * always give the same interval), computed by the verdict's {@link RatioEstimate}.
 */
@RecordBuilder
public record StepTimeRatio(String runtime, Backend backend, String device, String workload,
    double ratio, Double low, Double high, double baseMedianMs, double otherMedianMs, String basis, String contention) {

  /** The interval from both reports' burst-to-burst spreads (docs/calibration.md, "Comparing reports"). */
  public static final String BURSTS = "bursts";
  /** The interval from a bootstrap over each report's step times (reports without bursts). */
  public static final String STEP_TIMES = "step-times";

  /**
   * Where either report has bursts, their spreads make the interval ({@link Dispersion}): within
   * one run the step times cannot show how far the machine drifts between runs. Else the bootstrap
   * over step times, as for older reports. A calibration without bursts of its own (the
   * projection's network, timed once per run) takes {@code sideB} or {@code sideO}, the spread of its
   * side's bursts in the same report: the machine drifts between runs for every workload alike, and
   * a handful of steps within one run cannot show it (consecutive reports of the dev VM differed by
   * 1.24-1.32× on YOLOv8m with step-time intervals of ±5%). {@code throttled}: a quota throttled the
   * side in either report ({@link #figure}).
   */
  static StepTimeRatio of(Calibration cb, Calibration co, Double sideB, Double sideO, boolean throttled) {
    Double sb = cb.bursts().isEmpty() ? sideB : Dispersion.sdLog(cb.bursts());
    Double so = co.bursts().isEmpty() ? sideO : Dispersion.sdLog(co.bursts());
    String busy = contention(cb, "BASE", co, "OTHER");
    if ((sb == null && so == null) || cb.medianMs() == null || co.medianMs() == null) {
      StepTimeRatio r = of(cb.runtime(), cb.backend(), cb.device(), cb.workload(), cb.stepTimesMs(), cb.medianMs(),
          co.stepTimesMs(), co.medianMs());
      return StepTimeRatioBuilder.builder(r).basis(STEP_TIMES).contention(busy).build();
    }
    double fb = cb.typicalMs(throttled);
    double fo = co.typicalMs(throttled);
    double[] r = Dispersion.ratio(fb, sb, fo, so);
    return StepTimeRatioBuilder.builder().runtime(cb.runtime()).backend(cb.backend()).device(cb.device())
        .workload(cb.workload()).ratio(r[0]).low(r[1]).high(r[2]).baseMedianMs(fb).otherMedianMs(fo).basis(BURSTS)
        .contention(busy).build();
  }

  /** "other processes used 1.6 of 2 CPUs during OTHER's calibration (...)", or null when neither was contended. */
  static String contention(Calibration cb, String nb, Calibration co, String no) {
    String b = Measured.contention(List.of(cb));
    String o = Measured.contention(List.of(co));
    if (b == null && o == null) {
      return null;
    }
    return (o != null ? no + ": " + o : "") + (b != null && o != null ? "; " : "") + (b != null ? nb + ": " + b : "");
  }

  /**
   * An interval clear of the verdict's parity band (1/1.1 to 1.1, {@link Decision}): the two machines
   * really differ here, by more than the verdict would call parity, and neither report was
   * contended. Reports without bursts keep the earlier reading (an interval that excludes 1).
   */
  public boolean measurable() {
    if (low == null || high == null || contention != null) {
      // timed while others took a quarter CPU or more in either report: the load, not the machine (as the verdict)
      return false;
    }
    return BURSTS.equals(basis) ? low > Decision.BAND_HIGH || high < Decision.BAND_LOW : low > 1 || high < 1;
  }

  static StepTimeRatio of(String runtime, Backend backend, String device, String workload,
      List<Double> baseSteps, Double baseMedian, List<Double> otherSteps, Double otherMedian) {
    List<Double> b = clean(baseSteps);
    List<Double> o = clean(otherSteps);
    double bm = b.isEmpty() ? orNaN(baseMedian) : RatioEstimate.quantile(b, 0.5);
    double om = o.isEmpty() ? orNaN(otherMedian) : RatioEstimate.quantile(o, 0.5);
    // speedup(A, B) is B's step time over A's per unit of work: OTHER's over BASE's here
    RatioEstimate r = RatioEstimate.speedup(b, 1, o, 1, bm, om);
    return StepTimeRatioBuilder.builder().runtime(runtime).backend(backend).device(device).workload(workload)
        .ratio(r.ratio()).low(r.low()).high(r.high()).baseMedianMs(bm).otherMedianMs(om).basis(STEP_TIMES).build();
  }

  private static List<Double> clean(List<Double> steps) {
    return steps == null ? List.of() : steps.stream().filter(d -> d != null && d > 0 && Double.isFinite(d)).toList();
  }

  private static double orNaN(Double d) {
    return d == null ? Double.NaN : d;
  }
}
