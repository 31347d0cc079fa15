package dev.envdoctor.container.image;

import dev.envdoctor.cli.VersionProvider;
import java.util.Map;

/** The worker image's name: versioned, so a doctor never runs a worker of another release. */
public final class WorkerImage {

  /** Overrides the image the container stage runs (tests use their own tag). */
  public static final String ENV = "ENVDOCTOR_WORKER_IMAGE";

  private WorkerImage() {}

  public static String defaultTag() {
    return "envdoctor-worker:" + VersionProvider.version();
  }

  public static String tag(Map<String, String> env) {
    String t = env.get(ENV);
    return t == null || t.isBlank() ? defaultTag() : t;
  }
}
