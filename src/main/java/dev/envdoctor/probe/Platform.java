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

  public static Platform current(CommandRunner runner, Map<String, String> env) {
    Tool tool = new Tool(runner);
    return switch (family(System.getProperty("os.name", ""))) {
      case "macos" -> MacPlatform.create(tool);
      case "windows" -> WindowsPlatform.create(tool);
      default -> LinuxPlatform.create(tool, env, Path.of("/"));
    };
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
