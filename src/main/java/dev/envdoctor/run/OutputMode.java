package dev.envdoctor.run;

/**
 * How a run prints: the report model as JSON on stdout (nothing else there), or the console views;
 * verbose adds every phase's detail.
 */
public record OutputMode(boolean json, boolean verbose) {

  public static final OutputMode CONSOLE = new OutputMode(false, false);
}
