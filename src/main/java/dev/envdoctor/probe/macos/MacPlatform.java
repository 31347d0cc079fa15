package dev.envdoctor.probe.macos;

import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.PowerInfo;
import dev.envdoctor.model.Virtualization;
import dev.envdoctor.probe.Async;
import dev.envdoctor.probe.HostProbe;
import dev.envdoctor.probe.Hypervisors;
import dev.envdoctor.probe.OshiBasics;
import dev.envdoctor.probe.Platform;
import dev.envdoctor.probe.Tool;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * macOS: one sysctl call for cores, features, Rosetta and the hypervisor; system_profiler for the
 * GPU; pmset for power. OSHI's own graphics cards are not read here: it would run system_profiler
 * a second time.
 */
public final class MacPlatform {

  /** system_profiler takes about half a second, more on a busy machine. */
  private static final Duration SYSTEM_PROFILER = Duration.ofSeconds(8);

  private MacPlatform() {}

  public static Platform create(Tool tool) {
    Supplier<Sysctl> sysctl = once(() -> Sysctl.parse(
        tool.stdoutEvenIfFailed(Tool.SHORT, argv("sysctl", Sysctl.NAMES)).orElse(null)));
    return new Platform("macos", new OshiBasics("macos"), new MacCpuDetails(sysctl), fromOshi -> gpus(tool),
        () -> power(tool), () -> virtualization(sysctl.get()), jvmArch -> translated(sysctl.get(), jvmArch));
  }

  static List<GpuInfo> gpus(Tool tool) {
    return SystemProfilerDisplays.parse(
        tool.stdout(SYSTEM_PROFILER, "system_profiler", "SPDisplaysDataType", "-json").orElse(null));
  }

  static PowerInfo power(Tool tool) {
    CompletableFuture<String> batt = Async.run(() -> tool.stdout(Tool.SHORT, "pmset", "-g", "batt").orElse(null));
    String settings = tool.stdout(Tool.SHORT, "pmset", "-g").orElse(null);
    return Pmset.power(batt.join(), settings);
  }

  /** A macOS guest knows it is one (kern.hv_vmm_present); hw.model says whose: VirtualMac2,1, VMware20,1. */
  static Virtualization virtualization(Sysctl s) {
    if (!s.isOne("kern.hv_vmm_present")) {
      return new Virtualization(null, null);
    }
    String named = Hypervisors.fromFirmware(s.get("hw.model"));
    return new Virtualization(named != null ? named : "other", null);
  }

  /**
   * Rosetta 2: the sysctl child of a translated JVM is translated too and says so; an x86_64 JVM on
   * hardware that has arm64 is translated whatever the child says. Null when sysctl said nothing.
   */
  static Boolean translated(Sysctl s, String jvmArch) {
    if (s.values().isEmpty()) {
      return null;
    }
    return s.isOne("sysctl.proc_translated")
        || ("x86_64".equals(HostProbe.arch(jvmArch)) && s.isOne("hw.optional.arm64"));
  }

  private static String[] argv(String program, String[] args) {
    String[] argv = new String[args.length + 1];
    argv[0] = program;
    System.arraycopy(args, 0, argv, 1, args.length);
    return argv;
  }

  /** Read once, on first use, by whichever probe part needs it first. */
  private static <T> Supplier<T> once(Supplier<T> s) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = s.get();
        }
        return value;
      }
    };
  }
}
