package dev.envdoctor.model;

import java.util.ArrayList;
import java.util.List;

/** The model's lists: never null, never changed after they are made. */
final class Lists {

  private Lists() {}

  static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  static <T> List<T> plus(List<T> list, List<T> more) {
    List<T> all = new ArrayList<>(list);
    all.addAll(more);
    return all;
  }
}
