package dev.envdoctor.fleet;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
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
import dev.envdoctor.run.ExitCode;
import dev.envdoctor.run.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a fleet row shows of one node's report: pure functions of the report. */
public final class NodeFacts {

  /** The version keys drift is judged on, in the order the rows show them. */
  public static final List<String> VERSION_KEYS = List.of("os", "kernel", "driver", "cuda", "torch", "djl", "libtorch");

  private NodeFacts() {}

  /**
   * ok, warn or fail from the report's checks and stages, as doctor's exit code sees them (Outcome):
   * a check that could not be evaluated, a stage that failed or was refused, is fail, never ok.
   */
  public static NodeStatus status(Report r) {
    if (Outcome.exitCode(r, false) != ExitCode.OK) {
      return NodeStatus.FAIL;
    }
    Summary s = r.summary();
    return s != null && s.warned() > 0 ? NodeStatus.WARN : NodeStatus.OK;
  }

  /** The ids of the checks that failed or errored, then the stages that failed. */
  public static List<String> failedChecks(Report r) {
    List<String> out = new ArrayList<>();
    for (CheckResult c : r.checks()) {
      if (c.failed()) {
        out.add(c.id());
      }
    }
    r.stages().stream().filter(s -> s.failed() || s.refused()).forEach(s -> out.add("stage:" + s.name()));
    return out;
  }

  /** The checks that only warned. */
  public static List<String> warnedChecks(Report r) {
    return r.checks().stream().filter(c -> c.status() == CheckStatus.WARN).map(CheckResult::id).toList();
  }

  /** "train docker (djl, cpu)" from the recommendation, or null when there was none. */
  public static String verdict(Report r) {
    var rec = r.recommendation();
    if (rec == null || rec.train() == null || rec.train().runtime() == null) {
      return null;
    }
    var t = rec.train();
    return "train " + t.runtime() + " (" + Objects.toString(t.backend(), "?") + ", " + Objects.toString(t.device(), "?") + ")"
        + (rec.confidence() == null ? "" : " · " + rec.confidence());
  }

  /**
   * The versions drift is judged on: os, kernel, NVIDIA driver, CUDA, Python torch, DJL, libtorch
   * (the native side's engine) and each container engine ("engine.docker"). Unknown ones are left out.
   */
  public static Map<String, String> versions(Report r) {
    Map<String, String> v = new LinkedHashMap<>();
    if (r.host() != null && r.host().os() != null) {
      var os = r.host().os();
      put(v, "os", os.name() == null ? null : os.name() + (os.version() == null ? "" : " " + os.version()));
      put(v, "kernel", os.kernel());
    }
    if (r.host() != null) {
      r.host().gpus().stream().map(GpuInfo::driverVersion).filter(Objects::nonNull).findFirst().ifPresent(d -> v.put("driver", d));
      r.host().gpus().stream().map(GpuInfo::cudaVersion).filter(Objects::nonNull).findFirst().ifPresent(d -> v.put("cuda", d));
    }
    if (r.python() != null && r.python().torch() != null) {
      put(v, "torch", r.python().torch().version());
      if (!v.containsKey("cuda")) {
        put(v, "cuda", r.python().torch().cuda());
      }
    }
    for (Engine e : r.engines()) {
      // the DJL engine's version and its libtorch; the Python side's torch engine is "torch" above
      if (Runtimes.isNative(e.runtime()) && e.name() != null && e.name().contains("DJL")) {
        put(v, "djl", e.version());
        put(v, "libtorch", e.libtorchVersion());
      }
    }
    for (RuntimeInfo rt : r.runtimes()) {
      if (!Runtimes.isNative(rt.name()) && rt.status() == RuntimeStatus.OK) {
        put(v, "engine." + rt.name(), rt.serverVersion());
      }
    }
    return v;
  }

  private static void put(Map<String, String> v, String key, String value) {
    if (value != null && !value.isBlank()) {
      v.put(key, value);
    }
  }

  /**
   * One figure per hardware class (device model × workload × side): the slowest device of that
   * model, so a node with one bad GPU of eight shows that GPU's figure.
   */
  public static List<Figure> figures(Report r) {
    Map<String, Figure> worst = new LinkedHashMap<>();
    for (Calibration c : r.calibrations()) {
      if (c.samplesPerSecond() == null || c.diagnosis() != null || c.samplesPerSecond() <= 0) {
        continue;
      }
      Figure f = new Figure(deviceModel(r, c), c.workload(), c.runtime(), Backend.text(c.backend()), c.device(),
          c.samplesPerSecond(), c.cv());
      worst.merge(f.classKey(), f, (a, b) -> b.samplesPerSecond() < a.samplesPerSecond() ? b : a);
    }
    return List.copyOf(worst.values());
  }

  /** The device's model: the name verify recorded, else the host's GPU at that index or its CPU. */
  static String deviceModel(Report r, Calibration c) {
    for (DeviceResult d : r.devices()) {
      if (Objects.equals(d.runtime(), c.runtime()) && Objects.equals(d.backend(), c.backend())
          && Objects.equals(d.device(), c.device()) && d.name() != null && !d.name().isBlank()) {
        return d.name();
      }
    }
    String device = c.device() == null ? "cpu" : c.device();
    if (r.host() != null && device.startsWith("cuda")) {
      int index = device.contains(":") ? Integer.parseInt(device.substring(device.indexOf(':') + 1)) : 0;
      List<GpuInfo> gpus = r.host().gpus().stream().filter(g -> "NVIDIA".equalsIgnoreCase(g.vendor())).toList();
      if (index < gpus.size() && gpus.get(index).name() != null) {
        return gpus.get(index).name();
      }
    }
    if (device.equals("cpu") && r.host() != null && r.host().cpu() != null && r.host().cpu().model() != null) {
      return r.host().cpu().model();
    }
    return device;
  }
}
