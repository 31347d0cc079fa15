package dev.envdoctor.probe;

import dev.envdoctor.exec.CommandRunner;
import dev.envdoctor.probe.linux.LinuxPlatform;
import dev.envdoctor.probe.macos.MacPlatform;
import dev.envdoctor.probe.windows.WindowsPlatform;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The platform's answers to what OSHI does not know, one implementation per OS, chosen once (as
 * OSHI's SystemInfo.createHardware() does).
 */
public record Platform(
    String family,
    HostBasics basics,
    CpuDetails cpu,
    GpuDetails gpus,
    PowerDetails power,
    VirtualizationDetails virtualization,
    JvmTranslation translation) {

  /**
   * The variable naming the folder where the host's /proc, /sys and /etc/os-release are mounted:
   * a container that runs envdoctor for its node (the image's default is /host, see
   * examples/kubernetes) then reports the host rather than itself. Unset or blank: "/".
   */
  public static final String HOST_ROOT = "ENVDOCTOR_HOST_ROOT";

  public static Platform current(CommandRunner runner, Map<String, String> env) {
    Tool tool = new Tool(runner);
    return switch (family(System.getProperty("os.name", ""))) {
      case "macos" -> MacPlatform.create(tool);
      case "windows" -> WindowsPlatform.create(tool);
      default -> LinuxPlatform.create(tool, env, hostRoot(env));
    };
  }

  /** The folder the Linux platform reads the host's files under ({@link #HOST_ROOT}). */
  public static Path hostRoot(Map<String, String> env) {
    String root = env.get(HOST_ROOT);
    return root == null || root.isBlank() ? Path.of("/") : Path.of(root);
  }

  /** linux, macos, windows (the report's host.os.family), from the JVM's os.name. */
  public static String family(String osName) {
    String n = osName.toLowerCase(Locale.ROOT);
    if (n.startsWith("mac") || n.startsWith("darwin")) {
      return "macos";
    }
    if (n.startsWith("windows")) {
      return "windows";
    }
    return n.startsWith("linux") ? "linux" : n;
  }
}
