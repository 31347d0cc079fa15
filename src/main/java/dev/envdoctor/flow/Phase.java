package dev.envdoctor.flow;

/**
 * The phases of DESIGN.md's flow, in order. A command chooses the phases it runs; a stage belongs
 * to one phase (a side's stage, such as the native DJL worker, verifies in VERIFY and, when
 * CALIBRATE is also chosen, calibrates in the same child process to spare a second start).
 */
public enum Phase {
  PROBE, VERIFY, CALIBRATE, RECOMMEND, CHECK, REPORT;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
