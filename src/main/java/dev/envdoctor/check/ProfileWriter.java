package dev.envdoctor.check;

import dev.envdoctor.check.match.Version;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.model.RuntimeStatus;
import dev.envdoctor.model.Runtimes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes a profile that pins a machine's key facts (as goss {@code add} does): a team runs
 * {@code check --init} on its reference machine and checks new machines against the file. Pure:
 * report in, YAML text out. Thresholds are floors ("at least what the reference has").
 */
public final class ProfileWriter {

  private static final long GIB = 1024L * 1024 * 1024;
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:+*-]+");

  /** The YAML and how many checks it holds. */
  public record Written(String yaml, int checks) {}

  private ProfileWriter() {}

  public static Written write(Report r, String name) {
    List<String> checks = new ArrayList<>();
    var host = r.host();
    var os = host == null ? null : host.os();
    if (os != null && os.family() != null) {
      checks.add(check("os", "Same OS family as the reference machine", "host.os.family", os.family(),
          "Use a machine running " + os.family() + ", or write a profile for this platform."));
    }
    if (os != null && os.arch() != null) {
      checks.add(check("arch", "Same CPU architecture as the reference machine", "host.os.arch", os.arch(),
          "Use a machine with an " + os.arch() + " CPU (binaries and wheels differ by architecture)."));
    }
    if (host != null && host.cpu() != null && host.cpu().logicalCores() != null) {
      checks.add(check("cpu-cores", "At least as many CPU cores as the reference", "host.cpu.logicalCores",
          ">= " + host.cpu().logicalCores(), "Data loading and CPU training scale with cores; use a larger machine."));
    }
    if (host != null && host.memory() != null && host.memory().totalBytes() != null) {
      long gib = Math.max(1, host.memory().totalBytes() / GIB);
      checks.add(check("memory", "At least as much memory as the reference", "host.memory.totalBytes",
          ">= " + gib + "GiB", "Use a machine with at least " + gib + " GiB of memory."));
    }
    if (r.jvm() != null) {
      major(r.jvm().version()).ifPresent(v -> checks.add(check("jvm-version", "A JVM at least as new as the reference",
          "jvm.version", ">= " + v, "Install JDK " + v + " or newer and put it first on PATH (or set JAVA_HOME).")));
    }
    var py = r.python();
    if (py != null && py.version() != null) {
      minor(py.version()).ifPresent(v -> checks.add(check("python-version", "Python at least as new as the reference",
          "python.version", ">= " + v, "Create the training environment with Python " + v + " or newer.")));
      if (py.torch() != null && py.torch().version() != null) {
        minor(py.torch().version()).ifPresent(v -> checks.add(check("torch-version", "PyTorch at least as new as the reference",
            "python.torch.version", ">= " + v, "pip install 'torch>=" + v + "' in the training environment.")));
      }
    }
    for (DeviceResult d : r.devices()) {
      if (Boolean.TRUE.equals(d.verified()) && safe(d.runtime()) && safe(d.device()) && (d.backend() == null || safe(d.backend().wire()))) {
        String sel = "runtime=" + d.runtime() + (d.backend() == null ? "" : ",backend=" + d.backend()) + ",device=" + d.device();
        String id = ("device-" + d.runtime() + (d.backend() == null ? "" : "-" + d.backend()) + "-" + d.device()).replace(':', '-').replace('*', 'x');
        checks.add(check(id, d.device() + " computes on " + d.runtime() + (d.backend() == null ? "" : " (" + d.backend() + ")"),
            "devices[" + sel + "].verified", "true", "Run 'envdoctor verify -v' to see why " + d.device() + " does not compute on " + d.runtime() + "."));
      }
    }
    for (RuntimeInfo rt : r.runtimes()) {
      if (!Runtimes.isNative(rt.name()) && rt.status() == RuntimeStatus.OK && safe(rt.name())) {
        checks.add(check("runtime-" + rt.name(), rt.name() + " engine reachable", "runtimes[name=" + rt.name() + "].status", "ok",
            "Install and start " + rt.name() + ", and make sure this user may use it."));
      }
    }
    StringBuilder y = new StringBuilder();
    y.append("# Written by 'envdoctor check --init' on a reference machine; edit freely.\n");
    y.append("# Check another machine against it: envdoctor check --profile ").append(name).append(".yaml\n");
    y.append("description: ").append(quote("Pins the key facts of a reference machine"
        + (r.createdAt() == null ? "" : " (report of " + r.createdAt() + ")"))).append('\n');
    if (checks.isEmpty()) {
      y.append("checks: []\n");
    } else {
      y.append("checks:\n");
      checks.forEach(y::append);
    }
    return new Written(y.toString(), checks.size());
  }

  private static boolean safe(String s) {
    return s != null && SAFE.matcher(s).matches();
  }

  private static java.util.Optional<String> major(String version) {
    return Version.parse(version).map(v -> String.valueOf(v.parts().get(0)));
  }

  private static java.util.Optional<String> minor(String version) {
    return Version.parse(version).map(v -> v.parts().get(0) + (v.parts().size() > 1 ? "." + v.parts().get(1) : ""));
  }

  private static String check(String id, String title, String path, String value, String fix) {
    return "  - id: " + id.toLowerCase(Locale.ROOT) + "\n"
        + "    title: " + quote(title) + "\n"
        + "    severity: fail\n"
        + "    expect:\n"
        + "      " + quote(path) + ": " + quote(value) + "\n"
        + "    fix: " + quote(fix) + "\n";
  }

  /** A double-quoted YAML string, so no value is ever read as something else. */
  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
