package dev.envdoctor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.Map;

/**
 * A JSON reader's complaint in the words of the report, not of Java: "calibrations[0].medianMs is
 * "abc", not a number" instead of "Cannot deserialize value of type `java.lang.Double`". Pure.
 */
final class JsonWords {

  private JsonWords() {}

  static String of(JsonProcessingException e) {
    String original = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().lines().findFirst().orElse("");
    if (original.contains("'NaN'") || original.contains("'Infinity'") || original.contains("'-Infinity'")) {
      return "JSON has no NaN or Infinity: write a number, or null where the figure is unknown";
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      String at = path(m);
      String value = e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f && f.getValue() != null
          ? " is \"" + f.getValue() + "\"," : " is";
      return (at.isEmpty() ? "a value" : at) + value + " not " + kind(m.getTargetType());
    }
    // whatever else: no Java type names ("`java.lang.Double`") in what a user reads
    return original.replaceAll("`(?:[a-z]\\w*\\.)+(\\w+)(?:\\$\\w+)*`", "$1").replaceAll("\\s*\\(class [^)]*\\)", "");
  }

  static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      } else if (r.getFieldName() != null) {
        b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
      }
    }
    return b.toString();
  }

  static String kind(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "text";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return Map.class.isAssignableFrom(type) || !type.isEnum() ? "an object" : "one of " + java.util.Arrays.toString(type.getEnumConstants());
  }
}
