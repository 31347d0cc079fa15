package dev.envdoctor.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a recorded output from src/test/resources/recorded/. */
public final class Recorded {

  private Recorded() {}

  public static String read(String path) {
    try (InputStream in = Recorded.class.getResourceAsStream("/recorded/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no recorded file " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
