package dev.envdoctor.report;

import dev.envdoctor.model.CheckResult;
import dev.envdoctor.model.CheckStatus;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Engine;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.model.RuntimeStatus;
import dev.envdoctor.model.Runtimes;
import dev.envdoctor.model.Summary;
import dev.envdoctor.run.Words;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reader must see first, whatever the format (collect_env's block, condensed): the verdict,
 * the failed checks, the accelerators and how they verified, and the versions that matter.
 */
public record Headline(
    String verdict,
    Outlook outlook,
    String checks,
    List<CheckResult> failed,
    List<String> accelerators,
    List<Item> versions) {

  /** How the report looks overall, for colour and the JUnit suite; never an exit code. */
  public enum Outlook { PASS, WARN, FAIL, UNKNOWN }

  public record Item(String label, String value) {}

  public static Headline of(Report r) {
    List<CheckResult> failed = r.checks().stream()
        .filter(CheckResult::failed).toList();
    return new Headline(verdict(r, failed), outlook(r, failed), checkCounts(r.summary(), r.checks().size()),
        failed, accelerators(r), versions(r));
  }

  private static String verdict(Report r, List<CheckResult> failed) {
    if (r.recommendation() != null && r.recommendation().verdict() != null) {
      return r.recommendation().verdict();
    }
    if (r.race() != null && r.race().verdict() != null) {
      return "Race: " + r.race().verdict();
    }
    if (!failed.isEmpty()) {
      return failed.size() + (failed.size() == 1 ? " check failed" : " checks failed");
    }
    if (r.summary() != null || !r.checks().isEmpty()) {
      return "No failed check";
    }
    return "Facts only: no verdict and no checks in this report";
  }

  private static Outlook outlook(Report r, List<CheckResult> failed) {
    if (!failed.isEmpty()) {
      return Outlook.FAIL;
    }
    if (r.checks().stream().anyMatch(c -> c.status() == CheckStatus.WARN)) {
      return Outlook.WARN;
    }
    return r.checks().isEmpty() && r.summary() == null ? Outlook.UNKNOWN : Outlook.PASS;
  }

  private static String checkCounts(Summary s, int n) {
    if (s == null) {
      return n == 0 ? "no checks ran" : n + " checks";
    }
    return Words.checkCounts(s);
  }

  private static List<String> accelerators(Report r) {
    List<String> out = new ArrayList<>();
    if (r.host() != null) {
      for (GpuInfo g : r.host().gpus()) {
        String detail = Fmt.join(", ", g.memoryBytes() == null ? null : Fmt.bytes(g.memoryBytes()),
            g.cores() == null ? null : g.cores() + " cores",
            g.computeCapability() == null ? null : "compute " + g.computeCapability(),
            g.driverVersion() == null ? null : "driver " + g.driverVersion());
        out.add(Fmt.text(g.name()) + (Fmt.NONE.equals(detail) ? "" : " (" + detail + ")"));
      }
    }
    for (DeviceResult d : r.devices()) {
      if (d.device() == null || d.device().startsWith("cpu")) {
        continue;
      }
      String state = Boolean.TRUE.equals(d.verified()) ? "verified"
          : "not verified" + (d.diagnosis() == null ? "" : ": " + d.diagnosis());
      out.add(Fmt.side(d.runtime(), d.backend(), d.device()) + " " + state);
    }
    if (out.isEmpty()) {
      out.add("none found");
    }
    return out;
  }

  private static List<Item> versions(Report r) {
    List<Item> out = new ArrayList<>();
    if (r.host() != null && r.host().os() != null) {
      var os = r.host().os();
      out.add(new Item("OS", Fmt.join(" ", os.name(), os.name() != null && os.name().contains(Fmt.text(os.version())) ? null : os.version(),
          os.arch() == null ? null : "(" + os.arch() + ")")));
    }
    if (r.jvm() != null) {
      out.add(new Item("JVM", Fmt.join(" ", r.jvm().version(), r.jvm().vendor(),
          r.jvm().arch() == null ? null : "(" + r.jvm().arch() + (Boolean.TRUE.equals(r.jvm().translated()) ? ", Rosetta 2" : "") + ")")));
    }
    if (r.python() != null) {
      out.add(new Item("Python", Fmt.text(r.python().version())));
      var t = r.python().torch();
      if (t != null) {
        String mps = t.mps() == null ? null : "MPS " + (Boolean.TRUE.equals(t.mps().available()) ? "available"
            : Boolean.TRUE.equals(t.mps().built()) ? "built, not available" : "no");
        out.add(new Item("torch", Fmt.join(", ", t.version(), t.cuda() == null ? null : "CUDA " + t.cuda(),
            Boolean.TRUE.equals(t.mps() == null ? null : t.mps().built()) ? mps : null)));
      }
    }
    for (Engine e : r.engines()) {
      out.add(new Item(Fmt.text(e.name()) + " (" + Fmt.text(e.runtime()) + ")", Fmt.join(" ", e.version(),
          e.libtorchVersion() == null ? null : "· libtorch " + e.libtorchVersion(), e.flavor())));
    }
    for (RuntimeInfo rt : r.runtimes()) {
      if (Runtimes.isNative(rt.kind()) || Runtimes.isNative(rt.name())) {
        continue;
      }
      String v = rt.status() == RuntimeStatus.OK ? Fmt.join(" ", rt.serverVersion(), rt.product() == null ? null : "(" + rt.product() + ")")
          : Fmt.text(rt.status());
      out.add(new Item(Fmt.text(rt.name()), v));
    }
    return out;
  }
}
