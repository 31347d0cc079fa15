package dev.envdoctor.check.path;

import dev.envdoctor.check.path.FactPath.Selector;
import dev.envdoctor.check.path.FactPath.Step;
import dev.envdoctor.model.ModelFields;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the values a resolved path selects from a report (or any record). A list on the way fans
 * out over its elements that pass the selectors; a null on the way yields one null: "not known".
 * So [] means "no such element" and [null] means "unknown", which the messages tell apart.
 */
public final class FactReader {

  private FactReader() {}

  public static List<Object> read(Object root, ResolvedPath path) {
    List<Object> out = new ArrayList<>();
    walk(root, path.path().steps(), 0, out);
    return out;
  }

  private static void walk(Object current, List<Step> steps, int k, List<Object> out) {
    if (current == null) {
      out.add(null);
      return;
    }
    if (k == steps.size()) {
      out.add(current);
      return;
    }
    Step step = steps.get(k);
    Object value = field(current, step.name());
    if (value instanceof List<?> list) {
      for (Object element : list) {
        if (accepts(element, step.selectors())) {
          walk(element, steps, k + 1, out);
        }
      }
    } else {
      walk(value, steps, k + 1, out);
    }
  }

  private static boolean accepts(Object element, List<Selector> selectors) {
    for (Selector s : selectors) {
      if (!s.accepts(element == null ? null : field(element, s.field()))) {
        return false;
      }
    }
    return true;
  }

  static Object field(Object record, String name) {
    if (!record.getClass().isRecord()) {
      return null;
    }
    for (ModelFields.Field f : ModelFields.of(record.getClass())) {
      if (f.name().equals(name)) {
        return f.read(record);
      }
    }
    return null;
  }
}
