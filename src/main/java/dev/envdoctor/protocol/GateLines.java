package dev.envdoctor.protocol;

import dev.envdoctor.model.Backend;

/**
 * The lines of the calibration gate between the parent and a side (the Java worker or the Python
 * script): the side prints {@link #SIGNAL} on stderr when it waits for its turn (a burst's JSON after
 * it) and reads the parent's answer, {@link #GO} or {@link #END}, on stdin.
 */
public final class GateLines {

  /** The worker's and the Python script's option to wait at the gate. */
  public static final String OPTION = "--gate";
  /** The stderr line of a child that waits for its turn (a line on its stdin), a burst's JSON after it. */
  public static final String SIGNAL = "@envdoctor gate";
  /** The answer to a turn. */
  public static final String GO = "go";
  /** The answer that ends a bursting child's turns: it finishes and prints its document. */
  public static final String END = "end";

  private GateLines() {}

  /** A side's name at the gate: runtime/backend (native/djl, docker/djl, native/python). */
  public static String side(String runtime, Backend backend) {
    return side(runtime, Backend.text(backend));
  }

  public static String side(String runtime, String backend) {
    return runtime + "/" + backend;
  }
}
