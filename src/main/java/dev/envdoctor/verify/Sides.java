package dev.envdoctor.verify;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Runtimes;
import java.util.Locale;

/** How a side is named for a person: runtime (native, docker, podman) and backend (djl, python). */
public final class Sides {

  private Sides() {}

  public static String label(String runtime, Backend backend) {
    String stack = backend == Backend.PYTHON ? "Python" : backend == Backend.DJL ? "JVM (DJL)" : String.valueOf(backend);
    String where = runtime == null ? "?" : runtime.toLowerCase(Locale.ROOT);
    return Runtimes.isNative(where) ? "native " + stack : where + " · " + stack;
  }
}
