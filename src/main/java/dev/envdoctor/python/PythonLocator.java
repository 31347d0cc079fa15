package dev.envdoctor.python;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the Python of the user's training environment, in the order people expect: an explicit
 * {@code --python}, the activated virtual environment ({@code $VIRTUAL_ENV}), the activated conda
 * environment ({@code $CONDA_PREFIX}), then {@code python3} on {@code $PATH}. Reads only the
 * environment map it is given, so tests choose what it sees.
 */
public final class PythonLocator {

  /** The chosen interpreter and how it was found: --python, VIRTUAL_ENV, CONDA_PREFIX or PATH. */
  public record Located(Path executable, String found) {}

  private final Map<String, String> env;
  private final boolean windows;

  public PythonLocator(Map<String, String> env) {
    this(env, System.getProperty("os.name", "").toLowerCase().startsWith("windows"));
  }

  PythonLocator(Map<String, String> env, boolean windows) {
    this.env = env;
    this.windows = windows;
  }

  /**
   * The interpreter to use. An explicit path is taken as given (even when it does not exist: the
   * run then says so); a directory given there or in a variable is an environment's root.
   */
  public Optional<Located> locate(Path explicit) {
    if (explicit != null) {
      return Optional.of(new Located(Files.isDirectory(explicit) ? inEnv(explicit).orElse(explicit) : explicit, "--python"));
    }
    for (String variable : List.of("VIRTUAL_ENV", "CONDA_PREFIX")) {
      String root = env.get(variable);
      if (root != null && !root.isBlank()) {
        Optional<Path> python = inEnv(Path.of(root));
        if (python.isPresent()) {
          return Optional.of(new Located(python.get(), variable));
        }
      }
    }
    return onPath().map(p -> new Located(p, "PATH"));
  }

  /** bin/python3 (Scripts\python.exe on Windows, python.exe at a conda root). */
  Optional<Path> inEnv(Path root) {
    List<String> names = windows
        ? List.of("Scripts/python.exe", "python.exe")
        : List.of("bin/python3", "bin/python");
    return names.stream().map(root::resolve).filter(Files::isExecutable).findFirst();
  }

  Optional<Path> onPath() {
    String path = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
    List<String> names = windows ? List.of("python3.exe", "python.exe") : List.of("python3");
    for (String dir : path.split(windows ? ";" : ":")) {
      if (dir.isBlank()) {
        continue;
      }
      for (String name : names) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
