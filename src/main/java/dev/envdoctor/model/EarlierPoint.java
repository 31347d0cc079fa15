package dev.envdoctor.model;

/**
 * {@code history[]}: a projection point that an earlier run on this machine timed in the same
 * settings as this run's (the same host, stack, side, device, network, size, batch, threads and
 * precision), read from envdoctor's own folder before the verdict (docs/calibration.md, "Pooled
 * over runs"). The projection pools it with this run's point: one run's ten seconds land in
 * whatever the shared machine's speed is doing then, which moved a point ×1.37 between runs here.
 *
 * @param at when that run took it (ISO-8601)
 * @param medianMs that run's median step
 */
public record EarlierPoint(String at, String runtime, Backend backend, String device, String workload, Integer imgsz,
    Integer batch, Integer threads, String precision, Double medianMs) {

  /** Whether this earlier point was timed in the settings of calibration {@code c}. */
  public boolean sameAs(Calibration c) {
    return java.util.Objects.equals(runtime, c.runtime()) && backend == c.backend()
        && java.util.Objects.equals(device, c.device()) && java.util.Objects.equals(workload, c.workload())
        && java.util.Objects.equals(imgsz, c.imgsz()) && java.util.Objects.equals(batch, c.batch())
        && java.util.Objects.equals(threads, c.threads())
        && java.util.Objects.equals(precision == null ? "fp32" : precision, c.precision() == null ? "fp32" : c.precision());
  }

  /** The point as this run timed it, to be kept for the next runs. */
  public static EarlierPoint of(String at, Calibration c) {
    return new EarlierPoint(at, c.runtime(), c.backend(), c.device(), c.workload(), c.imgsz(), c.batch(), c.threads(),
        c.precision(), c.medianMs());
  }
}
