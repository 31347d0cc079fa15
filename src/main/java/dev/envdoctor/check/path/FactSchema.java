package dev.envdoctor.check.path;

import dev.envdoctor.model.ModelFields;
import dev.envdoctor.model.Report;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fact paths a check may name, derived by reflection from the report model's records, so the
 * check language can never drift from the model: a field added to a record is checkable at once.
 */
public final class FactSchema {

  /** What a path step lands on. */
  public enum Shape { RECORD, RECORD_LIST, SCALAR, SCALAR_LIST }

  /** One field of the model: its shape, its scalar or record class, and, for records, its fields. */
  public record Node(String name, Shape shape, Class<?> type, Map<String, Node> children) {

    public boolean isList() {
      return shape == Shape.RECORD_LIST || shape == Shape.SCALAR_LIST;
    }

    public boolean isScalar() {
      return shape == Shape.SCALAR || shape == Shape.SCALAR_LIST;
    }
  }

  private static final FactSchema REPORT = new FactSchema(Report.class);

  private final Node root;
  private final List<String> allPaths;

  FactSchema(Class<?> recordType) {
    this.root = new Node("", Shape.RECORD, recordType, fields(recordType, 0));
    List<String> paths = new ArrayList<>();
    collect(root, "", paths);
    this.allPaths = Collections.unmodifiableList(paths);
  }

  /** The schema of {@link Report}. */
  public static FactSchema report() {
    return REPORT;
  }

  public Node root() {
    return root;
  }

  /** Every path to a field, lists without selectors (devices.verified), for suggestions and docs. */
  public List<String> allPaths() {
    return allPaths;
  }

  private static Map<String, Node> fields(Class<?> type, int depth) {
    Map<String, Node> out = new LinkedHashMap<>();
    if (depth > 8) {
      return out;
    }
    for (ModelFields.Field f : ModelFields.of(type)) {
      out.put(f.name(), node(f.name(), f.type(), depth));
    }
    return Collections.unmodifiableMap(out);
  }

  private static Node node(String name, Type generic, int depth) {
    if (generic instanceof ParameterizedType pt && pt.getRawType() == List.class) {
      Class<?> element = (Class<?>) pt.getActualTypeArguments()[0];
      return element.isRecord()
          ? new Node(name, Shape.RECORD_LIST, element, fields(element, depth + 1))
          : new Node(name, Shape.SCALAR_LIST, boxed(element), Map.of());
    }
    Class<?> raw = (Class<?>) (generic instanceof ParameterizedType pt ? pt.getRawType() : generic);
    return raw.isRecord()
        ? new Node(name, Shape.RECORD, raw, fields(raw, depth + 1))
        : new Node(name, Shape.SCALAR, boxed(raw), Map.of());
  }

  private static Class<?> boxed(Class<?> c) {
    if (c == boolean.class) {
      return Boolean.class;
    }
    if (c == int.class) {
      return Integer.class;
    }
    if (c == long.class) {
      return Long.class;
    }
    if (c == double.class) {
      return Double.class;
    }
    return c;
  }

  private static void collect(Node node, String prefix, List<String> out) {
    for (Node child : node.children().values()) {
      String path = prefix.isEmpty() ? child.name() : prefix + "." + child.name();
      out.add(path);
      collect(child, path, out);
    }
  }
}
