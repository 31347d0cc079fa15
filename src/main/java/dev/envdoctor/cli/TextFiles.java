package dev.envdoctor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a file the user named (--out, --junit, --init): parent folders made, a failure is bad input. */
final class TextFiles {

  private TextFiles() {}

  /** @param hint what to do about a failure, appended to the one-line message ("" for none) */
  static void write(Path file, String text, String hint) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw ExitException.badInput("cannot write " + file + ": " + e.getMessage() + hint);
    }
  }
}
