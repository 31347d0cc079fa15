package dev.envdoctor.testing;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Independent accounts of the machine the tests run on, taken at test time from the system's own
 * tools (systemd-detect-virt, lscpu, df, /etc/os-release through sh), so that a test about "this
 * machine" compares the probe with them and holds on any CI machine: another VM, CPU vendor or disk
 * layout. Where a tool is missing the account is empty and the caller says which weaker account it
 * falls back to ({@link #note}); nothing passes silently.
 */
public final class ThisMachine {

  private ThisMachine() {}

  public static CommandResult run(String... argv) {
    return new ProcessRunner().run(CommandSpec.of(Duration.ofSeconds(30), argv).withEnv(Map.of("LC_ALL", "C")));
  }

  /** Printed in the test's output: which account a test fell back to, and why. */
  public static void note(String line) {
    System.err.println("[this machine] " + line);
  }

  /**
   * What {@code systemd-detect-virt --vm} (or {@code --container}) prints: "kvm", "docker", "none"
   * (it exits 1 then); null when the tool is missing or prints nothing.
   */
  public static String detectVirt(String which) {
    CommandResult r = run("systemd-detect-virt", which);
    String out = r.stdout().trim();
    return r.status() == CommandResult.Status.NOT_FOUND || out.isEmpty() ? null : out;
  }

  /** "none" as null, for comparing with the probe's nulls. */
  public static String noneAsNull(String name) {
    return "none".equals(name) ? null : name;
  }

  /** lscpu's value for a label ("Vendor ID", "Hypervisor vendor"); null when lscpu or the line is missing. */
  public static String lscpu(String label) {
    CommandResult r = run("lscpu");
    for (String line : r.ok() ? r.stdoutLines() : List.<String>of()) {
      String t = line.trim();
      if (t.startsWith(label + ":")) {
        return t.substring(label.length() + 1).trim();
      }
    }
    return null;
  }

  /** The online CPUs as getconf counts them (what /proc/cpuinfo lists; nproc would heed an affinity mask). */
  public static int onlineCpus() {
    return Integer.parseInt(run("getconf", "_NPROCESSORS_ONLN").stdout().trim());
  }

  /** What a Python prints for {@code code} (trimmed); fails the test when it cannot run it. */
  public static String python(String python, String code) {
    CommandResult r = run(python, "-c", code);
    org.junit.jupiter.api.Assertions.assertTrue(r.ok(), r.describe() + "\n" + r.stderr());
    return r.stdout().trim();
  }

  /** That Python's own torch.__version__. */
  public static String torchVersion(String python) {
    return python(python, "import torch; print(torch.__version__)");
  }

  /** A field of /etc/os-release as the shell reads it (NAME, VERSION_ID, ...). */
  public static String osRelease(String field) {
    CommandResult r = run("sh", "-c", ". /etc/os-release && printf '%s' \"$" + field + "\"");
    return r.ok() ? r.stdout() : null;
  }

  /** The root file system's type as stat names it: "ext2/ext3", "xfs", "overlayfs", ... */
  public static String rootFsType() {
    CommandResult r = run("stat", "-f", "-c", "%T", "/");
    return r.ok() ? r.stdout().trim().toLowerCase(Locale.ROOT) : null;
  }

  /**
   * The mount points df shows for block devices (df lists a device once, at its shortest mount
   * point), without loop devices and the file systems that are no disk; null when df fails.
   */
  public static Set<String> diskMounts() {
    CommandResult r = run("df", "-P", "-l", "-x", "tmpfs", "-x", "devtmpfs", "-x", "overlay", "-x", "squashfs");
    if (!r.ok()) {
      return null;
    }
    Set<String> mounts = new LinkedHashSet<>();
    List<String> lines = new ArrayList<>(r.stdoutLines());
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      String[] f = line.trim().split("\\s+", 6);
      if (f.length == 6 && f[0].startsWith("/") && !f[0].startsWith("/dev/loop")) {
        mounts.add(f[5]);
      }
    }
    return mounts;
  }

  /**
   * The probe's VM against {@code systemd-detect-virt --vm} (which reads CPUID, then DMI); where the
   * tool is missing, only that a VM is named exactly when the CPU has the "hypervisor" flag (grep).
   */
  public static void assertVmAgrees(String probedVm) {
    String detected = detectVirt("--vm");
    if (detected != null) {
      org.junit.jupiter.api.Assertions.assertEquals(noneAsNull(detected), probedVm, "systemd-detect-virt --vm says " + detected);
      return;
    }
    note("systemd-detect-virt is missing: checking only that a VM is named when /proc/cpuinfo has the hypervisor flag");
    boolean flag = run("grep", "-qw", "hypervisor", "/proc/cpuinfo").ok();
    org.junit.jupiter.api.Assertions.assertEquals(flag, probedVm != null, "hypervisor flag " + flag + ", probe says " + probedVm);
  }

  /**
   * The probe's container against {@code systemd-detect-virt --container}, except where systemd goes
   * by a /.dockerenv alone: on a root that is no overlay, with no container named in /proc/1/cgroup,
   * the file is a VM image's leftover (as on this project's machines). Where the tool is missing:
   * a container exactly when the root file system is an overlay.
   */
  public static void assertContainerAgrees(String probedContainer) {
    boolean overlayRoot = "overlayfs".equals(rootFsType());
    String detected = detectVirt("--container");
    if (detected == null) {
      note("systemd-detect-virt is missing: checking only that a container is named when the root is an overlay");
      org.junit.jupiter.api.Assertions.assertEquals(overlayRoot, probedContainer != null, "probe says " + probedContainer);
      return;
    }
    boolean cgroupNamesIt = run("grep", "-qE", "docker|libpod|kubepods|lxc", "/proc/1/cgroup").ok();
    if ("docker".equals(detected) && !overlayRoot && !cgroupNamesIt) {
      note("systemd-detect-virt --container says docker by /.dockerenv alone; the root is " + rootFsType()
          + " and /proc/1/cgroup names no engine: expecting no container");
      org.junit.jupiter.api.Assertions.assertNull(probedContainer);
      return;
    }
    org.junit.jupiter.api.Assertions.assertEquals(noneAsNull(detected), probedContainer, "systemd-detect-virt --container says " + detected);
  }
}
