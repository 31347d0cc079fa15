package dev.envdoctor.compare;

import dev.envdoctor.compare.Difference.Group;
import dev.envdoctor.compare.Difference.Severity;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Peak;
import dev.envdoctor.model.Report;
import dev.envdoctor.python.PeakRanges;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The peak tests of both reports, each judged against its model's reference range (the same
 * ranges the report itself uses): a row where either side is below its range or the two differ by
 * more than 5%; a WARN where OTHER is below its range and BASE is not.
 */
final class PeakFacts {

  private static final double APART = 0.05;

  private PeakFacts() {}

  static void peaks(Report b, Report o, List<Difference> out) {
    PeakRanges ranges = PeakRanges.load();
    Map<String, Peak> pb = Comparer.byKey(b.peaks(), PeakFacts::key);
    Map<String, Peak> po = Comparer.byKey(o.peaks(), PeakFacts::key);
    for (String key : Comparer.union(pb.keySet(), po.keySet())) {
      Peak x = pb.get(key);
      Peak y = po.get(key);
      if (x == null || y == null || x.achieved() == null || y.achieved() == null) {
        continue;
      }
      String vb = ranges.verdict(name(b, x), x.test(), x.dtype(), x.achieved());
      String vo = ranges.verdict(name(o, y), y.test(), y.dtype(), y.achieved());
      boolean apart = Math.abs(y.achieved() - x.achieved()) > APART * x.achieved();
      if (!apart && !PeakRanges.below(vb) && !PeakRanges.below(vo)) {
        continue;
      }
      Severity sev = PeakRanges.below(vo) && !PeakRanges.below(vb) ? Severity.WARN : Severity.INFO;
      out.add(new Difference(Group.ACCELERATORS, sev, "peak " + key, figure(x, vb), figure(y, vo),
          y.conditions() == null ? null : "OTHER during the test: " + y.conditions().limit()));
    }
  }

  private static String key(Peak p) {
    return p.dtype() + " " + p.test() + " on " + p.device() + " (" + p.runtime() + ")";
  }

  /** The GPU's name as the report's device list has it. */
  private static String name(Report r, Peak p) {
    return r.devices().stream().filter(d -> p.device().equals(d.device()) && d.name() != null).map(DeviceResult::name)
        .findFirst().orElse(null);
  }

  /** "726.8 TFLOP/s, normal for ..."; a report written without a unit shows the bare figure, not "null". */
  static String figure(Peak p, String verdict) {
    return String.format(Locale.ROOT, "%.1f", p.achieved()) + (p.unit() == null || p.unit().isBlank() ? "" : " " + p.unit())
        + (verdict == null ? "" : ", " + verdict);
  }
}
