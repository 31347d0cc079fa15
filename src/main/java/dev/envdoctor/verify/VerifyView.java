package dev.envdoctor.verify;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Runtimes;
import dev.envdoctor.protocol.CrashDiagnoses;
import dev.envdoctor.run.Console;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.flow.View;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Engine;
import dev.envdoctor.model.Report;
import dev.envdoctor.python.PythonView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The verify section: devices grouped by side (native JVM, native Python, each container runtime),
 * one marked line per device with its error figure, and the fix with the child's last lines when a
 * device failed. Drawn from the report alone.
 */
public final class VerifyView implements View {

  /** stderr lines quoted under a failure without -v. */
  static final int SHORT_TAIL = 3;

  @Override
  public void print(Report report, RunContext ctx) {
    Console c = ctx.console();
    c.heading("Devices (verify: forward and backward pass checked against the CPU)");
    if (report.devices().isEmpty() && report.engines().isEmpty() && report.python() == null) {
      c.mark(Console.Mark.SKIP, "no side was verified (see --runtime and --backend)");
      return;
    }
    Map<String, List<DeviceResult>> bySide = new LinkedHashMap<>();
    for (DeviceResult d : report.devices()) {
      bySide.computeIfAbsent(Sides.label(d.runtime(), d.backend()), k -> new java.util.ArrayList<>()).add(d);
    }
    String nativePython = Sides.label(Runtimes.NATIVE, Backend.PYTHON);
    if (report.python() != null && !bySide.containsKey(nativePython)) {
      bySide = withNativePython(bySide, nativePython);
    }
    for (var side : bySide.entrySet()) {
      if (side.getKey().equals(nativePython) && report.python() != null) {
        // the Python env's own section: interpreter, torch, its devices, and the fix for the env
        c.line(c.bold(side.getKey()));
        new PythonView().print(report, ctx);
        continue;
      }
      c.line(c.bold(side.getKey()) + engineNote(report, side.getValue().get(0)));
      engineProblem(c, report, side.getValue().get(0));
      for (DeviceResult d : side.getValue()) {
        device(c, d, ctx.verbose());
      }
    }
    c.flush();
  }

  /** The native Python section goes right after the native JVM one, even when it has no device. */
  private static Map<String, List<DeviceResult>> withNativePython(Map<String, List<DeviceResult>> bySide, String label) {
    Map<String, List<DeviceResult>> out = new LinkedHashMap<>();
    boolean placed = false;
    for (var e : bySide.entrySet()) {
      if (!placed && !e.getKey().startsWith("native")) {
        out.put(label, List.of());
        placed = true;
      }
      out.put(e.getKey(), e.getValue());
    }
    if (!placed) {
      out.put(label, List.of());
    }
    return out;
  }

  private static String engineNote(Report report, DeviceResult d) {
    return report.engines().stream()
        .filter(e -> Objects.equals(e.runtime(), d.runtime()) && d.backend() == Backend.DJL && isDjl(e) && e.libtorchVersion() != null)
        .findFirst()
        .map(VerifyView::describe)
        .orElse("");
  }

  /** A note about an engine that loaded (a cache fallback, CUDA unusable), with its fix where known. */
  private static void engineProblem(Console c, Report report, DeviceResult d) {
    report.engines().stream()
        .filter(e -> Objects.equals(e.runtime(), d.runtime()) && d.backend() == Backend.DJL && isDjl(e) && e.libtorchVersion() != null
            && e.diagnosis() != null)
        .findFirst()
        .ifPresent(e -> {
          c.mark(Console.Mark.WARN, e.diagnosis());
          CrashDiagnoses.cudaDriver(e.diagnosis()).ifPresent(fix -> c.detail(Console.Mark.WARN, "fix: " + fix.fix()));
        });
  }

  /** The JVM worker's engine, not the Python env's torch that shares the native side. */
  private static boolean isDjl(Engine e) {
    return e.name() != null && e.name().startsWith("DJL");
  }

  private static String describe(Engine e) {
    return " — " + e.name() + " " + e.version() + ", libtorch " + e.libtorchVersion()
        + (e.flavor() == null ? "" : " (" + e.flavor() + ")");
  }

  static void device(Console c, DeviceResult d, boolean verbose) {
    String what = d.device() + (d.name() == null || d.name().equals(d.device()) ? "" : " (" + d.name() + ")");
    if (Boolean.TRUE.equals(d.verified())) {
      c.mark(Console.Mark.OK, what + " computes: max abs error " + figure(d.maxAbsError()) + " (tolerance "
          + figure(d.tolerance()) + ")");
      if (d.diagnosis() != null) {
        c.detail(Console.Mark.WARN, d.diagnosis());
        if (d.fix() != null) {
          c.detail(Console.Mark.WARN, "fix: " + d.fix());
        }
      }
      return;
    }
    if (d.verified() == null && d.diagnosis() == null) {
      c.mark(Console.Mark.INFO, what + " found, not verified");
      return;
    }
    c.mark(Console.Mark.FAIL, what + ": " + (d.diagnosis() == null ? "not verified" : d.diagnosis()));
    if (d.fix() != null) {
      c.detail(Console.Mark.FAIL, "fix: " + d.fix());
    }
    List<String> tail = d.stderrTail();
    List<String> shown = verbose ? tail : tail.subList(Math.max(0, tail.size() - SHORT_TAIL), tail.size());
    shown.forEach(l -> c.detail("| " + l));
  }

  static String figure(Double v) {
    return v == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.1e", v);
  }
}
