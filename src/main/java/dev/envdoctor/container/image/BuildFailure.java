package dev.envdoctor.container.image;

import java.util.List;
import java.util.Locale;

/** One line that says why an image build failed, from the engine's output. Pure. */
final class BuildFailure {

  private BuildFailure() {}

  /**
   * Why a build failed and whose doing it was: {@code refused} where the machine's surroundings
   * stood in the way (no registry, no package mirror: exit 4), not envdoctor (exit 3).
   */
  record Why(String line, boolean refused) {}

  static String describe(List<String> outputLines, String baseImage) {
    return why(outputLines, baseImage).line();
  }

  static Why why(List<String> outputLines, String baseImage) {
    List<String> useful = outputLines.stream().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("DEPRECATED") && !l.startsWith("Install the buildx")
            && !l.startsWith("https://docs.docker.com/go/buildx")).toList();
    String last = useful.isEmpty() ? "(no output)" : useful.get(useful.size() - 1);
    String all = String.join("\n", useful).toLowerCase(Locale.ROOT);
    String base = baseImage == null ? "eclipse-temurin:17-jre (the default)" : baseImage;
    if (all.contains("registry") || all.contains("no such host") || all.contains("pull access denied")
        || all.contains("manifest unknown") || all.contains("failed to resolve source metadata")
        || all.contains("initializing source")) {
      return new Why("the base image " + base + " could not be pulled (" + last + "); fix: pull it while online, or pass"
          + " --base-image with an image the engine already has", true);
    }
    if (all.contains("unable to locate package") || all.contains("temporary failure resolving")
        || all.contains("could not resolve")) {
      return new Why("the base image has no java and its package mirror is not reachable (" + last + "); fix: use a base"
          + " with a Java 17+ runtime (--base-image eclipse-temurin:17-jre) or build where the mirror is reachable", true);
    }
    return new Why(last, false);
  }
}
