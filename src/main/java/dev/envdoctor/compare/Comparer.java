package dev.envdoctor.compare;

import dev.envdoctor.calibrate.stats.Decision;
import dev.envdoctor.compare.Difference.Group;
import dev.envdoctor.compare.Difference.Severity;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.CheckResult;
import dev.envdoctor.model.CheckStatus;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.model.RuntimeStatus;
import dev.envdoctor.report.Fmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import dev.envdoctor.calibrate.stats.Dispersion;

/** compare as a pure function of two reports: BASE is the reference, OTHER the machine in question. */
public final class Comparer {

  private static final Set<String> FAILED = Set.of(CheckStatus.FAIL.wire(), CheckStatus.ERROR.wire());

  private Comparer() {}

  public static Comparison compare(Report base, Report other, String baseName, String otherName) {
    List<Difference> out = new ArrayList<>();
    checks(base, other, out);
    accelerators(base, other, out);
    Facts.versions(base, other, out);
    Facts.resources(base, other, out);
    PeakFacts.peaks(base, other, out);
    List<StepTimeRatio> ratios = ratios(base, other);
    for (StepTimeRatio r : ratios) {
      boolean slower = r.measurable() && r.low() > Decision.BAND_HIGH;
      out.add(new Difference(Group.CALIBRATION, slower ? Severity.WARN : Severity.INFO,
          Fmt.side(r.runtime(), r.backend(), r.device()) + " · " + r.workload(),
          Fmt.ms(r.baseMedianMs()), Fmt.ms(r.otherMedianMs()), CompareWords.ratioText(r)));
    }
    for (String missing : missing(base, other)) {
      out.add(new Difference(Group.CALIBRATION, Severity.WARN, missing, "measured", "not measured",
          "BASE trained here; OTHER did not (see the verification rows above)"));
    }
    out.sort(Comparator.comparing(Difference::group).thenComparing(Difference::severity));
    boolean failing = out.stream().anyMatch(d -> d.severity() == Severity.FAIL);
    String verdict = CompareWords.line(CompareVerdict.decide(base, other, ratios, missing(base, other)));
    return new Comparison(Comparison.SCHEMA, baseName, otherName, verdict,
        failing, out, ratios);
  }

  private static void checks(Report base, Report other, List<Difference> out) {
    Map<String, CheckResult> b = byKey(base.checks(), CheckResult::id);
    Map<String, CheckResult> o = byKey(other.checks(), CheckResult::id);
    for (String id : union(b.keySet(), o.keySet())) {
      CheckResult cb = b.get(id);
      CheckResult co = o.get(id);
      String sb = cb == null ? "absent" : Fmt.text(cb.status());
      String so = co == null ? "absent" : Fmt.text(co.status());
      if (Objects.equals(sb, so) && !FAILED.contains(so)) {
        continue;
      }
      CheckResult either = co != null ? co : cb;
      String title = id + (either.title() == null ? "" : " (" + either.title() + ")");
      String note = co == null ? null : Fmt.join(". Fix: ", co.message(), co.fix());
      Severity sev;
      if (FAILED.contains(so)) {
        sev = FAILED.contains(sb) ? Severity.WARN : Severity.FAIL;
        note = FAILED.contains(sb) ? "fails on both: " + note : note;
      } else if (CheckStatus.WARN.wire().equals(so) && !CheckStatus.WARN.wire().equals(sb)) {
        sev = Severity.WARN;
      } else {
        sev = Severity.INFO;
      }
      out.add(new Difference(Group.CHECKS, sev, title, sb, so, note));
    }
  }

  private static void accelerators(Report base, Report other, List<Difference> out) {
    List<String> gb = base.host() == null ? List.of() : base.host().gpus().stream().map(g -> Fmt.text(g.name())).toList();
    List<String> go = other.host() == null ? List.of() : other.host().gpus().stream().map(g -> Fmt.text(g.name())).toList();
    if (!gb.equals(go)) {
      out.add(new Difference(Group.ACCELERATORS, go.size() < gb.size() ? Severity.WARN : Severity.INFO, "GPUs",
          gb.isEmpty() ? "none" : String.join(", ", gb), go.isEmpty() ? "none" : String.join(", ", go), null));
    }
    Map<String, DeviceResult> b = byKey(base.devices(), d -> Fmt.side(d.runtime(), d.backend(), d.device()));
    Map<String, DeviceResult> o = byKey(other.devices(), d -> Fmt.side(d.runtime(), d.backend(), d.device()));
    for (String side : union(b.keySet(), o.keySet())) {
      boolean vb = b.containsKey(side) && Boolean.TRUE.equals(b.get(side).verified());
      boolean vo = o.containsKey(side) && Boolean.TRUE.equals(o.get(side).verified());
      if (vb == vo) {
        continue;
      }
      DeviceResult d = o.get(side);
      if (d == null || !b.containsKey(side)) {
        // one report never tried this side: that is a gap of the run, not a difference of the machines
        String which = d == null ? "OTHER" : "BASE";
        out.add(new Difference(Group.ACCELERATORS, Severity.INFO, side + " computes", verified(b.get(side)), verified(d),
            "nothing to compare: run `envdoctor verify --runtime " + side.split("/")[0] + "` on " + which + "'s machine"));
        continue;
      }
      String note = Fmt.join(". Fix: ", d.diagnosis(), d.fix());
      out.add(new Difference(Group.ACCELERATORS, vb ? Severity.FAIL : Severity.INFO, side + " computes",
          verified(b.get(side)), verified(d), vb ? note : "verified on OTHER only"));
    }
    Map<String, RuntimeInfo> rb = byKey(base.runtimes(), RuntimeInfo::name);
    Map<String, RuntimeInfo> ro = byKey(other.runtimes(), RuntimeInfo::name);
    for (String name : union(rb.keySet(), ro.keySet())) {
      RuntimeInfo x = rb.get(name);
      RuntimeInfo y = ro.get(name);
      String stb = x == null ? "absent" : Fmt.text(x.status());
      String sto = y == null ? "absent" : Fmt.text(y.status());
      if (!Objects.equals(stb, sto)) {
        boolean lost = x != null && x.status() == RuntimeStatus.OK;
        out.add(new Difference(Group.ACCELERATORS, lost ? Severity.FAIL : Severity.INFO, name + " status", stb, sto,
            y == null ? null : Fmt.join(". Fix: ", y.diagnosis(), y.fix())));
      } else if (x != null && y != null && !Objects.equals(x.gpuAccess(), y.gpuAccess())) {
        out.add(new Difference(Group.ACCELERATORS, Severity.WARN, name + " GPU access", Fmt.text(x.gpuAccess()),
            Fmt.text(y.gpuAccess()), y.diagnosis()));
      }
    }
  }

  /** A ratio for every (runtime, backend, device, workload) both reports calibrated. */
  static List<StepTimeRatio> ratios(Report base, Report other) {
    Function<Calibration, String> key = c -> Fmt.side(c.runtime(), c.backend(), c.device()) + "|" + c.workload();
    Map<String, Calibration> b = byKey(base.calibrations(), key);
    Map<String, Calibration> o = byKey(other.calibrations(), key);
    List<StepTimeRatio> out = new ArrayList<>();
    for (var e : b.entrySet()) {
      Calibration cb = e.getValue();
      Calibration co = o.get(e.getKey());
      if (co == null || !hasTime(cb) || !hasTime(co)) {
        continue;
      }
      out.add(StepTimeRatio.of(cb, co, sideSpread(base, cb), sideSpread(other, co),
          Calibration.sideThrottled(base.calibrations(), cb) || Calibration.sideThrottled(other.calibrations(), co)));
    }
    return out;
  }

  /** The burst spread of {@code c}'s side (runtime, backend, device) in {@code r}, or null where it did not burst. */
  private static Double sideSpread(Report r, Calibration c) {
    return r.calibrations().stream().filter(x -> !x.bursts().isEmpty() && c.sameSide(x))
        .map(x -> Dispersion.sdLog(x.bursts())).filter(Objects::nonNull).findFirst()
        .orElse(null);
  }

  /** Sides and workloads BASE calibrated and OTHER did not. */
  static List<String> missing(Report base, Report other) {
    Function<Calibration, String> key = c -> Fmt.side(c.runtime(), c.backend(), c.device()) + " · " + c.workload();
    Set<String> there = byKey(other.calibrations().stream().filter(Comparer::hasTime).toList(), key).keySet();
    return base.calibrations().stream().filter(Comparer::hasTime).map(key).filter(k -> !there.contains(k)).distinct().toList();
  }

  private static boolean hasTime(Calibration c) {
    return (c.medianMs() != null && c.medianMs() > 0) || c.stepTimesMs().stream().anyMatch(d -> d != null && d > 0);
  }

  private static String verified(DeviceResult d) {
    return d == null ? Difference.NOT_TRIED : Boolean.TRUE.equals(d.verified()) ? "verified" : "not verified";
  }

  static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
    Map<String, T> m = new LinkedHashMap<>();
    items.forEach(i -> m.putIfAbsent(String.valueOf(key.apply(i)), i));
    return m;
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }
}
