package dev.envdoctor.recommend;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.CalibrationBuilder;
import dev.envdoctor.model.EarlierPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How one device's training step of a network grows with the work: {@code t = a + b · imgsz² ·
 * batch}, fitted through the network's two projection calibrations (the smallest and the largest
 * pixels × batch). a is what a step costs whatever its size (kernel launches, the optimizer, the
 * loss's small ops), b the cost of a pixel. A fit whose slope comes out non-positive (noise, or a
 * single point) falls back to a line through the origin and the larger point, which leans long.
 *
 * <p>Where earlier runs on this machine timed the same two points in the same settings ({@code
 * history[]}), each point is the median of the runs' ({@link Pool}): a shared VM's speed moves in
 * episodes of 10-30 s by up to ×1.4 (docs/benchmarks.md, "Projection repeatability"), and one run's
 * points land in whichever episode is running.
 *
 * @param small the calibration at fewer pixels × batch (null for a one-point model)
 * @param large the calibration at more pixels × batch
 * @param pool how the points were pooled with earlier runs' (null: this run's alone)
 */
public record CostModel(String model, Calibration small, Calibration large, double interceptMs, double msPerPixel,
    Pool pool) {

  /**
   * The points pooled over runs.
   *
   * @param runs the runs whose points were pooled, this one included; 1 where the earlier runs'
   *     points lay more than {@link #POOL_LIMIT} from this run's and were left out
   * @param thisRun the fit through this run's points alone
   * @param largeMs the larger point's median in each pooled run, oldest first, this run's last
   * @param since when the oldest pooled run timed its points
   * @param runSd the run-to-run log sd of the points: measured over the runs, shrunk toward {@link #RUN_SD_PRIOR}
   */
  public record Pool(int runs, CostModel thisRun, List<Double> largeMs, String since, double runSd) {

    /** Whether earlier runs were found and left out ({@link #POOL_LIMIT}). */
    public boolean leftOut() {
      return runs == 1 && largeMs.size() > 1;
    }

    /** The larger point's slowest run over its fastest. */
    public double spread() {
      return largeMs.stream().mapToDouble(Double::doubleValue).max().orElse(1)
          / largeMs.stream().mapToDouble(Double::doubleValue).min().orElse(1);
    }
  }

  CostModel(String model, Calibration small, Calibration large, double interceptMs, double msPerPixel) {
    this(model, small, large, interceptMs, msPerPixel, null);
  }

  /**
   * How far apart this run's point and the earlier runs' median may be and still pool: past it the
   * machine or its setup has likely changed (a new power mode, another torch build with the same
   * version), and this run stands alone, saying so.
   */
  static final double POOL_LIMIT = 1.5;

  /** The most earlier runs pooled: the newest. */
  static final int MOST_EARLIER = 9;

  /** The fit through a device's calibrations of one model, or null when none has a time. */
  public static CostModel fit(String model, List<Calibration> points) {
    return fit(model, points, List.of());
  }

  /**
   * As {@link #fit(String, List)}, each of the two points the median of this run's and the earlier
   * runs' that timed both in the same settings (at most {@link #MOST_EARLIER}, the newest), unless
   * this run's larger point lies more than {@link #POOL_LIMIT} from theirs.
   */
  public static CostModel fit(String model, List<Calibration> points, List<EarlierPoint> history) {
    CostModel alone = fitAlone(model, points);
    if (alone == null || alone.small == null || history == null || history.isEmpty()) {
      return alone;
    }
    // earlier runs (by their time) that timed both points in this run's settings
    Map<String, Double> smalls = new TreeMap<>();
    Map<String, Double> larges = new TreeMap<>();
    for (EarlierPoint e : history) {
      if (e.medianMs() != null && e.medianMs() > 0 && e.at() != null) {
        if (e.sameAs(alone.small)) {
          smalls.put(e.at(), e.medianMs());
        } else if (e.sameAs(alone.large)) {
          larges.put(e.at(), e.medianMs());
        }
      }
    }
    List<String> runs = new ArrayList<>(larges.keySet().stream().filter(smalls::containsKey).toList());
    if (runs.isEmpty()) {
      return alone;
    }
    runs = runs.subList(Math.max(0, runs.size() - MOST_EARLIER), runs.size());
    List<Double> s = new ArrayList<>(runs.stream().map(smalls::get).toList());
    List<Double> l = new ArrayList<>(runs.stream().map(larges::get).toList());
    double earlier = median(l);
    double off = alone.large.medianMs() / earlier;
    s.add(alone.small.medianMs());
    l.add(alone.large.medianMs());
    if (off > POOL_LIMIT || off < 1 / POOL_LIMIT) {
      // this run alone, saying so: runs 1 of the points' l.size()
      return new CostModel(model, alone.small, alone.large, alone.interceptMs, alone.msPerPixel,
          new Pool(1, alone, List.copyOf(l), runs.get(0), RUN_SD_PRIOR));
    }
    Calibration ps = CalibrationBuilder.builder(alone.small).medianMs(median(s)).build();
    Calibration pl = CalibrationBuilder.builder(alone.large).medianMs(median(l)).build();
    CostModel pooled = fitAlone(model, List.of(ps, pl));
    Pool pool = new Pool(l.size(), alone, List.copyOf(l), runs.get(0), runSd(l));
    return new CostModel(model, pooled.small, pooled.large, pooled.interceptMs, pooled.msPerPixel, pool);
  }

  /** This run's points alone. */
  private static CostModel fitAlone(String model, List<Calibration> points) {
    List<Calibration> timed = points.stream()
        .filter(c -> c.medianMs() != null && c.medianMs() > 0 && c.imgsz() != null && c.batch() != null && c.diagnosis() == null)
        .sorted(Comparator.comparingLong(CostModel::pixels)).toList();
    if (timed.isEmpty()) {
      return null;
    }
    Calibration large = timed.get(timed.size() - 1);
    Calibration small = timed.get(0);
    if (small == large || pixels(small) == pixels(large)) {
      return new CostModel(model, null, large, 0, large.medianMs() / pixels(large));
    }
    double b = (large.medianMs() - small.medianMs()) / (pixels(large) - pixels(small));
    if (b <= 0) {
      return new CostModel(model, small, large, 0, large.medianMs() / pixels(large));
    }
    return new CostModel(model, small, large, small.medianMs() - b * pixels(small), b);
  }

  /** This device's calibrations of the model, from all of a report's. */
  public static List<Calibration> pointsOf(List<Calibration> all, String model, String runtime, Backend backend,
      String device) {
    return all.stream().filter(c -> Objects.equals(c.workload(), model) && Objects.equals(c.runtime(), runtime)
        && Objects.equals(c.backend(), backend) && Objects.equals(c.device(), device)).toList();
  }

  static double median(List<Double> v) {
    double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }

  /**
   * The run-to-run log sd of a point, from its runs' medians, shrunk toward {@link #RUN_SD_PRIOR} as
   * if the prior were {@link #PRIOR_RUNS} runs' worth of evidence: two runs alone say little about a
   * machine's drift.
   */
  static double runSd(List<Double> runs) {
    double mean = runs.stream().mapToDouble(Math::log).average().orElse(0);
    double ss = runs.stream().mapToDouble(x -> Math.pow(Math.log(x) - mean, 2)).sum();
    return Math.sqrt((PRIOR_RUNS * RUN_SD_PRIOR * RUN_SD_PRIOR + ss) / (PRIOR_RUNS + runs.size() - 1));
  }

  static long pixels(Calibration c) {
    return (long) c.imgsz() * c.imgsz() * c.batch();
  }

  /** Milliseconds of one step at imgsz and batch. */
  public double stepMs(int imgsz, int batch) {
    return interceptMs + msPerPixel * imgsz * (double) imgsz * batch;
  }

  /**
   * What moves a run's points between runs, before this machine's own runs say (log sd): both points
   * alike, so it carries to the job's step once. On the development VM (a shared 2-vCPU VM) a
   * YOLOv8m point's median moved ×1.37 over five doctors in four minutes with nothing else running,
   * log sd 0.12, and within one process the step's level changed in episodes of 10-30 s
   * (docs/benchmarks.md, "Projection repeatability"); two identical workers side by side differ by
   * 2-5% (Decision's A/A). 0.08, below the drift measured here, keeps one run's p10-p90 at about ×1.3
   * with its points' own spread (the limit for an informative range); the runs pooled after it
   * measure the machine's own drift and replace it.
   */
  static final double RUN_SD_PRIOR = 0.08;

  /** How many runs' worth of evidence {@link #RUN_SD_PRIOR} counts for against the measured runs. */
  static final double PRIOR_RUNS = 2;

  /** The run term for one run alone (kept under its old name for the tests that hold it). */
  static final double RUN_FLOOR = RUN_SD_PRIOR;

  /** What moves one point apart from the other between runs (log sd): the fit amplifies it. */
  static final double POINT_FLOOR = 0.02;

  /**
   * What the runs leave uncertain in the points' level (log sd): the run-to-run sd over √runs,
   * {@link #RUN_SD_PRIOR} for one run alone.
   */
  double runTerm() {
    return pool == null ? RUN_SD_PRIOR : pool.runSd() / Math.sqrt(pool.runs());
  }

  /**
   * The projection's p10 and p90 at imgsz and batch, as factors of its figure: {@link #runTerm},
   * and each point's own uncertainty ({@link #POINT_FLOOR}, its steps' spread over √steps) carried
   * through the fit. The job's step is w_s·t_s + w_l·t_l with w_l = (P − p_s)/(p_l − p_s), w_s = 1 −
   * w_l, so a job far past the points amplifies their noise: at 640 px × 16 from 96 and 224 px × 4,
   * w_l ≈ 40 and w_s ≈ −39 (from 96 and 160 px, 99 and −98).
   */
  public double[] spread(int imgsz, int batch) {
    double sdL = pointSd(large);
    if (small == null || interceptMs == 0) {
      return Ranges.of(Math.hypot(runTerm(), sdL));
    }
    double job = stepMs(imgsz, batch);
    double wl = ((double) imgsz * imgsz * batch - pixels(small)) / (pixels(large) - pixels(small));
    double s = (1 - wl) * small.medianMs() * pointSd(small);
    double l = wl * large.medianMs() * sdL;
    return Ranges.of(Math.hypot(runTerm(), Math.hypot(s, l) / job));
  }

  /** A point's own log sd: POINT_FLOOR and its steps' spread (from p10–p90) over √steps. */
  static double pointSd(Calibration c) {
    double steps = c.steps() == null || c.steps() < 1 ? 1 : c.steps();
    double own = c.p10Ms() == null || c.p90Ms() == null || c.p10Ms() <= 0 ? 0
        : Math.log(c.p90Ms() / c.p10Ms()) / (2 * Ranges.Z90);
    return Math.hypot(POINT_FLOOR, own / Math.sqrt(steps));
  }

  /** "yolov8m at 160 px × 2 (157 ms) and 256 px × 2 (305 ms): t = 62 ms + 1.85 ms per 1000 px" */
  public String describe() {
    String at = small == null ? point(large) : point(small) + " and " + point(large);
    String fit = small == null || interceptMs == 0
        ? "t = " + Format.number(msPerPixel * 1000, 3) + " ms per 1000 px × batch (through the origin"
            + (small == null ? ", one point)" : ": the two points gave no positive slope)")
        : "t = " + Format.number(interceptMs, 0) + " ms + " + Format.number(msPerPixel * 1000, 3) + " ms per 1000 px × batch";
    return model + " at " + at + ": " + fit;
  }

  private static String point(Calibration c) {
    return c.imgsz() + " px × " + c.batch() + " (" + Format.number(c.medianMs(), 0) + " ms)";
  }
}
