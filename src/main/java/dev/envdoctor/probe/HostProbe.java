package dev.envdoctor.probe;

import dev.envdoctor.model.CpuInfo;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.Host;
import dev.envdoctor.model.Jvm;
import dev.envdoctor.model.PowerInfo;
import dev.envdoctor.model.Virtualization;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Puts OSHI's basics and the platform's details together into {@code host.*} and {@code jvm.*}.
 * The slow shell-outs (system_profiler, nvidia-smi, pmset) run beside OSHI, not after it.
 */
public final class HostProbe {

  private final Platform platform;

  public HostProbe(Platform platform) {
    this.platform = platform;
  }

  public record Facts(Host host, Jvm jvm) {}

  public Facts probe() {
    String jvmArch = System.getProperty("os.arch", "");
    CompletableFuture<PowerInfo> power = Async.run(() -> platform.power().read());
    CompletableFuture<Virtualization> virt = Async.run(() -> platform.virtualization().read());
    CompletableFuture<Boolean> translated = Async.run(() -> platform.translation().translated(jvmArch));
    HostBasics basics = platform.basics();
    CompletableFuture<List<GpuInfo>> gpus = Async.run(() -> platform.gpus().read(basics::gpus));
    CpuInfo cpu = platform.cpu().read(basics::cpu);
    Boolean isTranslated = translated.join();
    Host host = new Host(basics.os(hardwareArch(jvmArch, isTranslated)), cpu, basics.memory(),
        basics.disks(), gpus.join(), power.join(), virt.join());
    Jvm jvm = new Jvm(System.getProperty("java.version"), System.getProperty("java.vendor"), arch(jvmArch),
        isTranslated, System.getProperty("java.home"));
    return new Facts(host, jvm);
  }

  /** A translated JVM reports x86_64; the hardware under Rosetta 2 is arm64. */
  static String hardwareArch(String jvmArch, Boolean translated) {
    return Boolean.TRUE.equals(translated) ? "arm64" : arch(jvmArch);
  }

  /** The names users know: x86_64 and arm64 rather than Java's amd64 and aarch64. */
  public static String arch(String javaArch) {
    return switch (javaArch.toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64", "x86-64" -> "x86_64";
      case "aarch64", "arm64" -> "arm64";
      default -> javaArch;
    };
  }
}
