package dev.envdoctor.verify;

import dev.envdoctor.protocol.Diagnosis;
import dev.envdoctor.model.Host;
import dev.envdoctor.model.Jvm;
import java.util.Locale;
import java.util.Optional;

/**
 * Why MPS cannot work on this Mac, from the probe's facts alone (pure). Applied to the native
 * side's mps entry, or to a missing one on Apple Silicon.
 */
public final class HostDiagnoses {

  private HostDiagnoses() {}

  /** True on an Apple Silicon Mac (the hardware, whatever the JVM's architecture). */
  public static boolean appleSilicon(Host host) {
    return host != null && host.os() != null && "macos".equalsIgnoreCase(host.os().family())
        && isArm(host.os().arch());
  }

  /** The first reason MPS cannot work here, if any: Rosetta JVM, old macOS, a VM. */
  public static Optional<Diagnosis> mps(Host host, Jvm jvm, String torchVersion) {
    if (!appleSilicon(host)) {
      return Optional.empty();
    }
    return rosetta(host, jvm)
        .or(() -> macosTooOld(host.os().version(), torchVersion))
        .or(() -> macosVm(host));
  }

  /** An x86-64 JVM on Apple Silicon runs under Rosetta 2 and loads x86-64 libtorch: no Metal. */
  static Optional<Diagnosis> rosetta(Host host, Jvm jvm) {
    if (jvm == null || !(Boolean.TRUE.equals(jvm.translated()) || (jvm.arch() != null && !isArm(jvm.arch())))) {
      return Optional.empty();
    }
    return Optional.of(new Diagnosis(
        "the JVM is x86-64" + (Boolean.TRUE.equals(jvm.translated()) ? ", running under Rosetta 2," : "")
            + " on Apple Silicon: it loads x86-64 libtorch, which has no MPS",
        "install an arm64 (aarch64) JDK 17+, e.g. 'brew install openjdk@17' on an arm64 Homebrew, and run envdoctor with it"));
  }

  /**
   * PyTorch's MPS minimum: macOS 13.0 (Ventura) for 2.5 to 2.8, which PyTorch 2.7 is (pytorch PR
   * #141182 "MPS support needs Ventura+"); 14.0 (Sonoma) from 2.9 (PR #162921 "in 2.9+ MPS is only
   * supported on MacOS Sonoma+"); 12.3 before 2.5.
   */
  static Optional<Diagnosis> macosTooOld(String macosVersion, String torchVersion) {
    int[] os = version(macosVersion);
    if (os == null) {
      return Optional.empty();
    }
    int[] torch = version(torchVersion == null ? "2.7.1" : torchVersion);
    int[] min = torch == null || compare(torch, new int[] {2, 5}) >= 0
        ? (torch != null && compare(torch, new int[] {2, 9}) >= 0 ? new int[] {14, 0} : new int[] {13, 0})
        : new int[] {12, 3};
    if (compare(os, min) >= 0) {
      return Optional.empty();
    }
    String minText = min[0] + "." + min[1];
    return Optional.of(new Diagnosis(
        "macOS " + macosVersion + " is older than PyTorch " + (torchVersion == null ? "2.7.1" : torchVersion)
            + "'s MPS minimum, macOS " + minText,
        "update macOS to " + minText + " or newer to train on the GPU; until then train on CPU"));
  }

  static Optional<Diagnosis> macosVm(Host host) {
    if (host.virtualization() == null || host.virtualization().vm() == null) {
      return Optional.empty();
    }
    return Optional.of(new Diagnosis(
        "macOS runs in a virtual machine (" + host.virtualization().vm() + "): MPS may be reported available, but the"
            + " VM's paravirtual GPU does not run PyTorch's Metal kernels",
        "train on the host Mac itself, or on CPU inside the VM"));
  }

  private static boolean isArm(String arch) {
    String a = arch == null ? "" : arch.toLowerCase(Locale.ROOT);
    return a.equals("arm64") || a.equals("aarch64");
  }

  /** "13.6.1" → {13, 6}; "2.7.1+cu128" → {2, 7}; null when unreadable. */
  static int[] version(String text) {
    if (text == null) {
      return null;
    }
    var m = java.util.regex.Pattern.compile("^(\\d+)(?:\\.(\\d+))?").matcher(text.strip());
    return m.find() ? new int[] {Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))} : null;
  }

  private static int compare(int[] a, int[] b) {
    return a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
  }
}
