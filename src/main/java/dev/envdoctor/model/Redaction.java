package dev.envdoctor.model;

import java.util.List;

/** {@code redaction}: whether personal data and secrets were removed, and which kinds were found. */
public record Redaction(boolean applied, List<String> kinds) {

  public Redaction {
    kinds = kinds == null ? List.of() : List.copyOf(kinds);
  }
}
