package dev.envdoctor.sides;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The torch version of a libtorch folder, where it can be read: a pip torch keeps
 * {@code torch/version.py} ({@code __version__ = '2.11.0+cu130'}) next to {@code torch/lib}, a
 * libtorch download keeps {@code build-version} one level up. Used to name both sides of a JNI
 * mismatch.
 */
public final class LibtorchVersion {

  private static final Pattern PY = Pattern.compile("__version__\\s*=\\s*['\"]([^'\"]+)['\"]");

  private LibtorchVersion() {}

  /** The version at PYTORCH_LIBRARY_PATH (a folder, or a library file in it); null when unreadable. */
  public static String at(String libraryPath) {
    if (libraryPath == null || libraryPath.isBlank()) {
      return null;
    }
    try {
      Path lib = Path.of(libraryPath);
      Path dir = Files.isRegularFile(lib) ? lib.getParent() : lib;
      Path parent = dir == null ? null : dir.getParent();
      if (parent == null) {
        return null;
      }
      Path py = parent.resolve("version.py");
      if (Files.isRegularFile(py)) {
        Matcher m = PY.matcher(Files.readString(py));
        return m.find() ? m.group(1) : null;
      }
      Path build = parent.resolve("build-version");
      return Files.isRegularFile(build) ? Files.readString(build).strip() : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
