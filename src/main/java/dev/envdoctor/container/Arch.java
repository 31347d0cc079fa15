package dev.envdoctor.container;

import java.util.Locale;

/** One spelling per CPU architecture: engines say amd64/arm64, kernels x86_64/aarch64. */
public final class Arch {

  private Arch() {}

  public static String normalize(String arch) {
    if (arch == null || arch.isBlank()) {
      return null;
    }
    String a = arch.trim().toLowerCase(Locale.ROOT);
    return switch (a) {
      case "amd64", "x86_64", "x86-64", "x64" -> "x86_64";
      case "arm64", "aarch64", "arm64/v8" -> "aarch64";
      default -> a;
    };
  }

  /** The pytorch-native-cpu classifier for a Linux container of this architecture. */
  public static String linuxClassifier(String arch) {
    return "linux-" + normalize(arch);
  }
}
