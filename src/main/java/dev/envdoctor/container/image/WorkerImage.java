package dev.envdoctor.container.image;

import dev.envdoctor.run.Version;
import java.util.Map;

/** The worker image's name: versioned, so a doctor never runs a worker of another release. */
public final class WorkerImage {

  /** Overrides the image the container stage runs (tests use their own tag). */
  public static final String ENV = "ENVDOCTOR_WORKER_IMAGE";

  private WorkerImage() {}

  /**
   * The worker's protocol with the doctor, as the image's tag says it: bumped whenever the doctor
   * starts the worker with options an older image does not know (2: {@code --gate}; 3: {@code --bursts},
   * answered per burst; 4: the side protocol envdoctor/side/v2, docs/side-protocol.md; 5: {@code burst} of a job's network at a
   * point and a precision, issue #29). An image of
   * another protocol is simply not found, and the diagnosis names {@code envdoctor image build}.
   */
  static final int PROTOCOL = 5;

  public static String defaultTag() {
    return "envdoctor-worker:" + Version.version() + "-p" + PROTOCOL;
  }

  public static String tag(Map<String, String> env) {
    String t = env.get(ENV);
    return t == null || t.isBlank() ? defaultTag() : t;
  }
}
