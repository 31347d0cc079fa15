package dev.envdoctor.model;

/** {@code runtimes[].status}: whether envdoctor could use a container runtime, and if not, why. */
public enum RuntimeStatus implements Word {
  OK, NOT_INSTALLED, UNREACHABLE, PERMISSION_DENIED, ERROR;

  @Override
  public String toString() {
    return wire();
  }
}
