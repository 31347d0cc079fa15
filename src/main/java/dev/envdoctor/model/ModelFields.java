package dev.envdoctor.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fields a model record has in its JSON, for code that walks the model by reflection (the check
 * paths, the schema test): its record components, less those the JSON leaves out, plus the accessors
 * it adds ({@link Report}'s flat fields, read from its sections).
 */
public final class ModelFields {

  /** One field: its JSON name, its declared type, and how to read it. */
  public record Field(String name, Type type, Class<?> rawType, Method accessor) {

    public Object read(Object record) {
      try {
        return accessor.invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + name + " of " + record.getClass().getSimpleName(), e);
      }
    }
  }

  private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
    @Override
    protected List<Field> computeValue(Class<?> type) {
      return fields(type);
    }
  };

  private ModelFields() {}

  /** The fields of {@code type}, worked out once per class. */
  public static List<Field> of(Class<?> type) {
    return FIELDS.get(type);
  }

  private static List<Field> fields(Class<?> type) {
    List<Field> out = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      if (!c.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
        out.add(new Field(c.getName(), c.getGenericType(), c.getType(), c.getAccessor()));
      }
    }
    Arrays.stream(type.getDeclaredMethods())
        .filter(m -> m.isAnnotationPresent(JsonProperty.class) && m.getParameterCount() == 0
            && Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
        .sorted((a, b) -> Integer.compare(order(type, a.getName()), order(type, b.getName())))
        .forEach(m -> out.add(new Field(m.getName(), m.getGenericReturnType(), m.getReturnType(), m)));
    return List.copyOf(out);
  }

  private static int order(Class<?> type, String name) {
    JsonPropertyOrder order = type.getAnnotation(JsonPropertyOrder.class);
    return order == null ? 0 : Arrays.asList(order.value()).indexOf(name);
  }
}
