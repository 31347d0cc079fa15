package dev.envdoctor.verify;

import dev.envdoctor.model.Backend;
import java.util.Locale;

/** How a side is named for a person: runtime (native, docker, podman) and backend (djl, python). */
public final class Sides {

  private Sides() {}

  public static String label(String runtime, Backend backend) {
    return label(runtime, Backend.text(backend));
  }

  public static String label(String runtime, String backend) {
    String stack = "python".equals(backend) ? "Python" : "djl".equals(backend) ? "JVM (DJL)" : String.valueOf(backend);
    String where = runtime == null ? "?" : runtime.toLowerCase(Locale.ROOT);
    return where.equals("native") ? "native " + stack : where + " · " + stack;
  }
}
