package dev.envdoctor.recommend;

import dev.envdoctor.calibrate.ProjectionPlan;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Runtimes;
import dev.envdoctor.model.WorkloadNames;
import dev.envdoctor.calibrate.stats.RatioEstimate;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The calibrations a verdict may cite, grouped by side, on one common workload. A calibration
 * counts when it has timings, no diagnosis, and its device was not found wrong by verification:
 * a fast device that computes wrong answers is no option.
 */
public record Sides(String workload, List<Side> sides) {

  public static final String NATIVE = Runtimes.NATIVE;
  /** The workload that stands for a detection training job; preferred when it was calibrated. */
  public static final String PREFERRED_WORKLOAD = WorkloadNames.PREFERRED;

  public Sides {
    sides = List.copyOf(sides);
  }

  public static Sides of(Report report) {
    List<Calibration> usable = report.calibrations().stream().filter(c -> usable(c, report)).toList();
    if (usable.isEmpty()) {
      return new Sides(null, List.of());
    }
    String workload = commonWorkload(usable);
    Map<String, List<Calibration>> byRuntime = new LinkedHashMap<>();
    for (String runtime : runtimeOrder(report, usable)) {
      List<Calibration> options = usable.stream()
          .filter(c -> runtime.equals(c.runtime()) && workload.equals(c.workload()))
          .sorted(Comparator.comparingDouble(Sides::rate).reversed())
          .toList();
      if (!options.isEmpty()) {
        byRuntime.put(runtime, options);
      }
    }
    List<Side> sides = new ArrayList<>();
    byRuntime.forEach((runtime, options) -> sides.add(new Side(runtime, options, figure(options))));
    return new Sides(workload, sides);
  }

  public boolean isEmpty() {
    return sides.isEmpty();
  }

  /** Sides, fastest option (of any backend) first. */
  public List<Side> ranked() {
    return sides.stream().sorted(Comparator.comparingDouble((Side s) -> rate(s.best())).reversed()).toList();
  }

  /** The fastest container side, or null. */
  public Side bestContainer() {
    return ranked().stream().filter(s -> !s.isNative()).findFirst().orElse(null);
  }

  public Side side(String runtime) {
    return sides.stream().filter(s -> s.runtime().equals(runtime)).findFirst().orElse(null);
  }

  /**
   * How many times faster a is than b, with its 95% interval, per unit of work: from their paired
   * bursts where both have them ({@link Paired}), else from their step times.
   */
  public static RatioEstimate speedup(Calibration a, Calibration b) {
    var paired = Paired.of(a, b);
    if (paired.isPresent()) {
      return new RatioEstimate(paired.get().ratio(), paired.get().low(), paired.get().high());
    }
    boolean flops = a.flopsPerStep() != null && b.flopsPerStep() != null;
    return RatioEstimate.speedup(a.stepTimesMs(), work(a, flops), b.stepTimesMs(), work(b, flops),
        a.medianMs(), b.medianMs());
  }

  /** Work per millisecond: FLOPs where the worker counted them, else samples. */
  public static double rate(Calibration c) {
    return work(c, c.flopsPerStep() != null) / c.medianMs();
  }

  public static boolean isCpu(String device) {
    return device == null || device.equals("cpu");
  }

  static boolean usable(Calibration c, Report report) {
    if (Projections.isProjectionCalibration(c)) {
      return false; // the projection's own, not a side's figure (Projections)
    }
    if (c.diagnosis() != null || c.medianMs() == null || c.medianMs() <= 0 || c.runtime() == null
        || c.workload() == null || (c.flopsPerStep() == null && c.batch() == null)) {
      return false;
    }
    for (DeviceResult d : report.devices()) {
      if (Objects.equals(d.runtime(), c.runtime()) && Objects.equals(d.backend(), c.backend())
          && Objects.equals(d.device(), c.device()) && Boolean.FALSE.equals(d.verified())) {
        return false;
      }
    }
    return true;
  }

  private static double work(Calibration c, boolean flops) {
    return flops ? c.flopsPerStep() : c.batch();
  }

  private static Calibration figure(List<Calibration> options) {
    return options.stream().filter(c -> c.backend() == Backend.PYTHON).findFirst().orElse(options.get(0));
  }

  /**
   * A named job's own step (its burst point, ProjectionPlan.isJobStep) where every side timed it at the
   * same point, as each side's trainer would run it; else cnn where calibrated; else the workload
   * calibrated on the most sides (then most often). Sides whose fastest devices differ in kind (a Mac's
   * native MPS against a container's CPU) time the job at different points and keep the cnn.
   */
  private static String commonWorkload(List<Calibration> usable) {
    long runtimes = usable.stream().map(Calibration::runtime).distinct().count();
    String job = usable.stream().map(Calibration::workload).filter(ProjectionPlan::isJobStep).distinct()
        .filter(wl -> usable.stream().filter(c -> wl.equals(c.workload())).map(Calibration::runtime).distinct().count() == runtimes)
        .findFirst().orElse(null);
    if (job != null) {
      return job;
    }
    if (usable.stream().anyMatch(c -> PREFERRED_WORKLOAD.equals(c.workload()))) {
      return PREFERRED_WORKLOAD;
    }
    Map<String, Long> sidesPer = usable.stream().collect(Collectors.groupingBy(Calibration::workload,
        LinkedHashMap::new, Collectors.mapping(Calibration::runtime, Collectors.collectingAndThen(
            Collectors.toSet(), s -> (long) s.size()))));
    Map<String, Long> count = usable.stream().collect(Collectors.groupingBy(Calibration::workload,
        LinkedHashMap::new, Collectors.counting()));
    return sidesPer.keySet().stream()
        .max(Comparator.comparing((Function<String, Long>) sidesPer::get).thenComparing(count::get))
        .orElseThrow();
  }

  /** native first, then the runtimes in the order the probe listed them, then any others. */
  private static List<String> runtimeOrder(Report report, List<Calibration> usable) {
    List<String> order = new ArrayList<>(List.of(NATIVE));
    report.runtimes().stream().map(RuntimeInfo::name).filter(Objects::nonNull)
        .filter(n -> !order.contains(n)).forEach(order::add);
    usable.stream().map(Calibration::runtime).distinct().filter(n -> !order.contains(n)).forEach(order::add);
    return order;
  }
}
