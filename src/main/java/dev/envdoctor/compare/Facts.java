package dev.envdoctor.compare;

import dev.envdoctor.compare.Difference.Group;
import dev.envdoctor.compare.Difference.Severity;
import dev.envdoctor.model.DiskInfo;
import dev.envdoctor.model.Engine;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.model.Runtimes;
import dev.envdoctor.report.Fmt;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** The version and resource rows of a comparison: one fact at a time, BASE beside OTHER. */
final class Facts {

  /** OTHER has this much less of a resource than BASE, or more, before it is worth a look. */
  private static final double SHORTFALL = 0.75;

  private Facts() {}

  static void versions(Report b, Report o, List<Difference> out) {
    text(out, Severity.INFO, "OS", b, o, r -> r.host() == null || r.host().os() == null ? null
        : Fmt.join(" ", r.host().os().name(), r.host().os().version()));
    text(out, Severity.INFO, "kernel", b, o, r -> r.host() == null || r.host().os() == null ? null : r.host().os().kernel());
    text(out, Severity.WARN, "architecture", b, o, r -> r.host() == null || r.host().os() == null ? null : r.host().os().arch());
    text(out, Severity.INFO, "JVM", b, o, r -> r.jvm() == null ? null : Fmt.join(" ", r.jvm().version(), r.jvm().vendor()));
    text(out, Severity.WARN, "JVM arch", b, o, r -> r.jvm() == null ? null : r.jvm().arch()
        + (Boolean.TRUE.equals(r.jvm().translated()) ? " (Rosetta 2)" : ""));
    text(out, Severity.INFO, "Python", b, o, r -> r.python() == null ? null : r.python().version());
    text(out, Severity.INFO, "torch", b, o, r -> r.python() == null || r.python().torch() == null ? null : r.python().torch().version());
    text(out, Severity.INFO, "torch CUDA", b, o, r -> r.python() == null || r.python().torch() == null ? null : r.python().torch().cuda());
    // one native side has two engines (DJL and the Python env's torch): key by engine and side
    Map<String, Engine> eb = Comparer.byKey(b.engines(), Facts::engineKey);
    Map<String, Engine> eo = Comparer.byKey(o.engines(), Facts::engineKey);
    for (String key : Comparer.union(eb.keySet(), eo.keySet())) {
      pair(out, Severity.INFO, key, engine(eb.get(key)), engine(eo.get(key)));
    }
    Map<String, RuntimeInfo> rb = Comparer.byKey(b.runtimes(), RuntimeInfo::name);
    Map<String, RuntimeInfo> ro = Comparer.byKey(o.runtimes(), RuntimeInfo::name);
    for (String name : Comparer.union(rb.keySet(), ro.keySet())) {
      if (Runtimes.isNative(name) || rb.get(name) == null || ro.get(name) == null) {
        continue;
      }
      pair(out, Severity.INFO, name, Fmt.join(" ", rb.get(name).serverVersion(), paren(rb.get(name).product())),
          Fmt.join(" ", ro.get(name).serverVersion(), paren(ro.get(name).product())));
    }
  }

  static void resources(Report b, Report o, List<Difference> out) {
    text(out, Severity.INFO, "CPU", b, o, r -> r.host() == null || r.host().cpu() == null ? null : r.host().cpu().model());
    amount(out, "CPU cores", b, o, r -> r.host() == null || r.host().cpu() == null ? null : num(r.host().cpu().physicalCores()), Fmt::num);
    amount(out, "CPU threads", b, o, r -> r.host() == null || r.host().cpu() == null ? null : num(r.host().cpu().logicalCores()), Fmt::num);
    amount(out, "performance cores", b, o, r -> r.host() == null || r.host().cpu() == null ? null : num(r.host().cpu().performanceCores()), Fmt::num);
    amount(out, "memory", b, o, r -> r.host() == null || r.host().memory() == null ? null : num(r.host().memory().totalBytes()),
        v -> Fmt.bytes(v.longValue()));
    Map<String, DiskInfo> db = Comparer.byKey(b.host() == null ? List.of() : b.host().disks(), DiskInfo::mount);
    Map<String, DiskInfo> dO = Comparer.byKey(o.host() == null ? List.of() : o.host().disks(), DiskInfo::mount);
    for (String mount : db.keySet()) {
      if (dO.containsKey(mount)) {
        amountOf(out, "free disk on " + mount, num(db.get(mount).freeBytes()), num(dO.get(mount).freeBytes()), v -> Fmt.bytes(v.longValue()));
      }
    }
    Map<String, RuntimeInfo> rb = Comparer.byKey(b.runtimes(), RuntimeInfo::name);
    Map<String, RuntimeInfo> ro = Comparer.byKey(o.runtimes(), RuntimeInfo::name);
    for (String name : rb.keySet()) {
      if (Runtimes.isNative(name) || !ro.containsKey(name)) {
        continue;
      }
      amountOf(out, name + " CPUs", num(rb.get(name).cpus()), num(ro.get(name).cpus()), Fmt::num);
      amountOf(out, name + " memory", num(rb.get(name).memoryBytes()), num(ro.get(name).memoryBytes()), v -> Fmt.bytes(v.longValue()));
    }
  }

  private static void text(List<Difference> out, Severity sev, String what, Report b, Report o, Function<Report, String> get) {
    pair(out, sev, what, get.apply(b), get.apply(o));
  }

  private static void pair(List<Difference> out, Severity sev, String what, String vb, String vo) {
    if (!Objects.equals(norm(vb), norm(vo))) {
      out.add(new Difference(Group.VERSIONS, sev, what, Fmt.text(vb), Fmt.text(vo), null));
    }
  }

  private static void amount(List<Difference> out, String what, Report b, Report o, Function<Report, Double> get,
      Function<Double, String> fmt) {
    amountOf(out, what, get.apply(b), get.apply(o), fmt);
  }

  private static void amountOf(List<Difference> out, String what, Double vb, Double vo, Function<Double, String> fmt) {
    if (vb == null || vo == null || vb.equals(vo)) {
      return;
    }
    boolean short_ = vo < vb * SHORTFALL;
    out.add(new Difference(Group.RESOURCES, short_ ? Severity.WARN : Severity.INFO, what, fmt.apply(vb), fmt.apply(vo),
        short_ ? String.format(java.util.Locale.ROOT, "%.0f%% of BASE", 100 * vo / vb) : null));
  }

  private static String engine(Engine e) {
    return e == null ? null : Fmt.join(" ", e.version(), e.libtorchVersion() == null ? null : "libtorch " + e.libtorchVersion(), e.flavor());
  }

  private static String paren(String s) {
    return s == null ? null : "(" + s + ")";
  }

  private static Double num(Number n) {
    return n == null ? null : n.doubleValue();
  }

  private static String norm(String s) {
    return s == null || Fmt.NONE.equals(s) || s.isBlank() ? null : s;
  }

  private static String engineKey(Engine e) {
    return e.name() + " (" + e.runtime() + ")";
  }
}
