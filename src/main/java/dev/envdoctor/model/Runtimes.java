package dev.envdoctor.model;

/**
 * The sides a report names in {@code runtime} and {@code runtimes[].name}: {@code native}, or a
 * container runtime. An open set (docker, podman, nerdctl, Apple's {@code container}, names to come)
 * kept as the report's strings, so an unknown name reads and writes back unchanged; these are the
 * names envdoctor itself drives, and the one test every caller asks of a name.
 */
public final class Runtimes {

  public static final String NATIVE = "native";
  public static final String DOCKER = "docker";
  public static final String PODMAN = "podman";

  private Runtimes() {}

  /** The host itself, no container between the job and the machine. */
  public static boolean isNative(String runtime) {
    return NATIVE.equals(runtime);
  }
}
