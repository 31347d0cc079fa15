package dev.envdoctor.model;

import java.util.Locale;

/** How the model's enums are written in JSON: the constant's name in lower case, '_' as '-'. */
final class Wire {

  private Wire() {}

  static String of(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The constant written as text; null for null; an unknown word is an error that names the known ones. */
  static <E extends Enum<E>> E parse(Class<E> type, String text) {
    if (text == null) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (of(e).equals(text)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + text + "'");
  }
}
