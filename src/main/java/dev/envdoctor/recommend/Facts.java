package dev.envdoctor.recommend;

import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.model.RuntimeStatus;
import java.util.List;
import java.util.Locale;

/** Null-safe reads of the report facts the verdict reasons with (any section may be missing). */
final class Facts {

  private Facts() {}

  static String hostFamily(Report r) {
    return r.host() == null || r.host().os() == null ? null : r.host().os().family();
  }

  static boolean macos(Report r) {
    return "macos".equals(hostFamily(r));
  }

  static boolean linux(Report r) {
    return "linux".equals(hostFamily(r));
  }

  static boolean hostArm(Report r) {
    String arch = r.host() == null || r.host().os() == null ? null : r.host().os().arch();
    return arch != null && (arch.equals("arm64") || arch.equals("aarch64"));
  }

  static Integer logicalCores(Report r) {
    return r.host() == null || r.host().cpu() == null ? null : r.host().cpu().logicalCores();
  }

  static boolean jvmTranslated(Report r) {
    return r.jvm() != null && Boolean.TRUE.equals(r.jvm().translated());
  }

  /** An x86-64 Python on an arm64 Mac runs under Rosetta 2. */
  static boolean pythonTranslated(Report r) {
    if (r.python() == null || r.python().arch() == null || !macos(r) || !hostArm(r)) {
      return false;
    }
    String arch = r.python().arch();
    return arch.equals("x86_64") || arch.equals("amd64") || arch.equals("i386");
  }

  static RuntimeInfo runtime(Report r, String name) {
    return r.runtimes().stream().filter(rt -> name.equals(rt.name())).findFirst().orElse(null);
  }

  static boolean ok(RuntimeInfo rt) {
    return rt != null && rt.status() == RuntimeStatus.OK;
  }

  /** Container runtimes the probe found, whatever their status (native excluded). */
  static List<RuntimeInfo> containerRuntimes(Report r) {
    return r.runtimes().stream().filter(rt -> rt.name() != null && !Sides.NATIVE.equals(rt.name())).toList();
  }

  static String label(String runtime) {
    return Format.label(runtime);
  }

  /** A container runtime on a macOS or Windows host runs its Linux in a VM. */
  static boolean inVm(Report r, RuntimeInfo rt) {
    String family = hostFamily(r);
    boolean foreignHost = "macos".equals(family) || "windows".equals(family);
    boolean linuxGuest = rt == null || rt.os() == null || "linux".equals(rt.os());
    boolean vmNote = rt != null && rt.notes().stream().anyMatch(n -> n.contains(" VM"));
    return (foreignHost && linuxGuest) || vmNote;
  }

  /** GPU access of a container runtime: nvidia-runtime or cdi (the NVIDIA toolkit's two ways). */
  static boolean nvidiaRuntime(RuntimeInfo rt) {
    String access = rt == null || rt.gpuAccess() == null ? "" : rt.gpuAccess().toLowerCase(Locale.ROOT);
    return access.contains("nvidia") || access.equals("cdi");
  }

  /** How the container reaches the GPU, in words. */
  static String gpuPath(String gpuAccess) {
    String access = gpuAccess == null ? "" : gpuAccess.toLowerCase(Locale.ROOT);
    if (access.equals("cdi")) {
      return "through CDI (the NVIDIA container toolkit's device spec)";
    }
    if (access.contains("nvidia")) {
      return "through the NVIDIA runtime";
    }
    return access.isEmpty() || access.equals("none") ? "although the runtime reports no GPU access" : "through " + access;
  }
}
