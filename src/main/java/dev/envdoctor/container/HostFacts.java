package dev.envdoctor.container;

import dev.envdoctor.model.Host;
import java.util.Locale;

/**
 * The few host facts runtime detection compares against: OS family (linux, macos, windows),
 * architecture, logical CPUs and memory. From the probe stage's host.* when it ran, else from the
 * JVM (family and arch only).
 */
public record HostFacts(String osFamily, String arch, Integer logicalCpus, Long memoryBytes) {

  public static HostFacts of(Host host) {
    String jvmOs = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String family = jvmOs.contains("mac") ? "macos" : jvmOs.contains("win") ? "windows" : "linux";
    String arch = Arch.normalize(System.getProperty("os.arch"));
    if (host == null) {
      return new HostFacts(family, arch, null, null);
    }
    if (host.os() != null) {
      family = host.os().family() != null ? host.os().family() : family;
      arch = host.os().arch() != null ? Arch.normalize(host.os().arch()) : arch;
    }
    Integer cpus = host.cpu() == null ? null : host.cpu().logicalCores();
    Long mem = host.memory() == null ? null : host.memory().totalBytes();
    return new HostFacts(family, arch, cpus, mem);
  }

  public boolean macos() {
    return "macos".equals(osFamily);
  }
}
