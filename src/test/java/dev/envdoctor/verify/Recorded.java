package dev.envdoctor.verify;

import dev.envdoctor.protocol.SideJson;
import dev.envdoctor.protocol.WorkerOutput;
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

  /** A worker's document as recorded on a real machine before the side protocol (envdoctor/worker/v1: one document on stdout). */
  public static WorkerOutput worker(String stdout) {
    try {
      WorkerOutput out = SideJson.mapper().readValue(stdout.strip(), WorkerOutput.class);
      if (!"envdoctor/worker/v1".equals(out.protocol())) {
        throw new IllegalArgumentException("not a recorded worker document: " + out.protocol());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
