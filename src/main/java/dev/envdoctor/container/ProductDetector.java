package dev.envdoctor.container;

import dev.envdoctor.container.parse.PodmanMachine;
import java.util.Locale;

/** Which product runs an engine, from what the engine, its context and endpoint say. Pure. */
public final class ProductDetector {

  private ProductDetector() {}

  public static Product docker(EngineFacts f, String context, String endpoint, HostFacts host) {
    String os = lower(f.operatingSystem());
    String name = lower(f.name());
    String kernel = lower(f.kernel());
    String ctx = lower(context);
    String ep = lower(endpoint);
    if (os.contains("orbstack") || kernel.contains("orbstack") || ctx.equals("orbstack") || ep.contains("/.orbstack/")) {
      return Product.ORBSTACK;
    }
    if (name.equals("colima") || name.startsWith("colima-") || ctx.startsWith("colima") || ep.contains("/.colima/")) {
      return Product.COLIMA;
    }
    if (name.contains("rancher-desktop") || ctx.equals("rancher-desktop") || ep.contains("/.rd/")) {
      return Product.RANCHER_DESKTOP;
    }
    if (os.equals("docker desktop") || name.equals("docker-desktop") || kernel.contains("linuxkit") || ctx.startsWith("desktop-")) {
      if (kernel.contains("microsoft") || "windows".equals(host.osFamily())) {
        return Product.DOCKER_DESKTOP_WINDOWS;
      }
      return Product.DOCKER_DESKTOP;
    }
    if (host.macos()) {
      return Product.LINUX_VM_ON_MAC;
    }
    return "linux".equals(host.osFamily()) ? Product.DOCKER_ENGINE : Product.UNKNOWN;
  }

  public static Product podman(PodmanMachine machine, HostFacts host) {
    if (!host.macos()) {
      return "linux".equals(host.osFamily()) ? Product.PODMAN_NATIVE : Product.PODMAN_MACHINE;
    }
    if (machine == null || machine.provider() == null) {
      return Product.PODMAN_MACHINE;
    }
    return switch (machine.provider()) {
      case "applehv" -> Product.PODMAN_MACHINE_APPLEHV;
      case "libkrun" -> Product.PODMAN_MACHINE_LIBKRUN;
      default -> Product.PODMAN_MACHINE;
    };
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
