package dev.envdoctor.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * An enum of the model written as a word in the report: its constant's name in lower case, '_' as
 * '-' ({@code TIMED_OUT} is {@code timed-out}). Jackson reads and writes the word ({@link JsonValue}
 * serves both ways for enums); an unknown word fails the read with the type's name.
 */
public interface Word {

  @JsonValue
  default String wire() {
    return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The constant of {@code type} whose word is {@code text}; null for null; an unknown word is an error. */
  static <E extends Enum<E> & Word> E parse(Class<E> type, String text) {
    if (text == null) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.wire().equals(text)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + text + "'");
  }
}
