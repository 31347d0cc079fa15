package dev.envdoctor.check.load;

import java.nio.file.Path;

/**
 * The text of one profile and where it came from. {@code id} identifies it for include cycles;
 * {@code display} names it in messages; {@code dir} is the folder its includes are looked up
 * in first (null for a profile bundled in the jar).
 */
public record ProfileSource(String id, String name, String display, Path dir, String text) {

  public boolean bundled() {
    return dir == null;
  }
}
