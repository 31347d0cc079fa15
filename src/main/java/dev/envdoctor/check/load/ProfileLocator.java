package dev.envdoctor.check.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds a profile by name or file: a file path; else {@code checks/NAME.yaml} in the working
 * directory; else the profile bundled in the jar, so an installed envdoctor knows the shipped
 * ones. An include is first looked up next to the profile that includes it.
 */
public final class ProfileLocator {

  /** The profiles shipped in checks/ (a test keeps this list equal to the folder). */
  public static final List<String> BUNDLED = List.of("default", "apple-silicon", "nvidia-linux", "yolov8m-69k");

  static final String RESOURCE_DIR = "dev/envdoctor/checks/";

  private final Path workDir;

  public ProfileLocator(Path workDir) {
    this.workDir = workDir.toAbsolutePath().normalize();
  }

  /** The profile a user named on the command line, or the one-line reason it is not there. */
  public ProfileSource top(String ref) {
    return find(ref, null).orElseThrow(() -> new ProfileException(null, "profile '" + ref + "' not found: "
        + (looksLikeFile(ref) ? "no such file " + workDir.resolve(ref).normalize()
            : "no file '" + ref + "', no checks/" + ref + ".yaml in " + workDir + ", and no bundled profile of that name (bundled: "
                + String.join(", ", BUNDLED) + ")")));
  }

  /** An include of {@code from}, or empty when it is nowhere. */
  public Optional<ProfileSource> find(String ref, ProfileSource from) {
    String file = looksLikeFile(ref) ? ref : ref + ".yaml";
    if (from != null && from.bundled()) {
      return bundled(Path.of(file).getFileName().toString());
    }
    Path base = from == null ? workDir : from.dir();
    if (from == null || looksLikeFile(ref)) {
      Path direct = base.resolve(ref);
      if (Files.isRegularFile(direct)) {
        return Optional.of(read(direct));
      }
      if (looksLikeFile(ref)) {
        return Optional.empty();
      }
    } else if (Files.isRegularFile(base.resolve(file))) {
      return Optional.of(read(base.resolve(file)));
    }
    Path inChecks = workDir.resolve("checks").resolve(file);
    if (Files.isRegularFile(inChecks)) {
      return Optional.of(read(inChecks));
    }
    return bundled(file);
  }

  private static boolean looksLikeFile(String ref) {
    return ref.endsWith(".yaml") || ref.endsWith(".yml") || ref.contains("/") || ref.contains("\\");
  }

  private ProfileSource read(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    String display = abs.startsWith(workDir) ? workDir.relativize(abs).toString() : abs.toString();
    try {
      String text = Files.readString(abs, StandardCharsets.UTF_8);
      return new ProfileSource(abs.toString(), baseName(abs), display, abs.getParent(), text);
    } catch (IOException | RuntimeException e) {
      throw new ProfileException(Location.start(display), "cannot read the profile: " + e.getMessage());
    }
  }

  private static Optional<ProfileSource> bundled(String file) {
    try (InputStream in = ProfileLocator.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + file)) {
      if (in == null) {
        return Optional.empty();
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Optional.of(new ProfileSource("bundled:" + file, baseName(Path.of(file)), "envdoctor.jar!/checks/" + file, null, text));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String baseName(Path p) {
    String n = p.getFileName().toString();
    return n.replaceFirst("\\.ya?ml$", "");
  }
}
