package dev.envdoctor.container;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandRunner;
import dev.envdoctor.exec.CommandSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What detection needs: the one runner, the environment (DOCKER_HOST, DOCKER_CONTEXT,
 * CONTAINER_HOST), the host, a timeout short enough that a dead engine answers within seconds, and
 * the CDI devices specified on this host.
 */
public record EngineProbe(CommandRunner runner, Map<String, String> env, HostFacts host, Duration timeout,
    List<String> hostCdiDevices) {

  public EngineProbe {
    env = Map.copyOf(env);
    hostCdiDevices = hostCdiDevices == null ? List.of() : List.copyOf(hostCdiDevices);
  }

  /** Runs argv with this probe's timeout and the caller's engine selection variables passed on. */
  public CommandResult run(String... argv) {
    return runner.run(CommandSpec.of(timeout, argv).withEnv(engineEnv(env)));
  }

  /**
   * The variables that choose an engine and find its CLI, from the run's environment: passed to
   * every engine command explicitly, so a run whose environment differs from the JVM's (tests) is
   * obeyed.
   */
  public static Map<String, String> engineEnv(Map<String, String> env) {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    for (String k : List.of("DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_CONFIG", "CONTAINER_HOST", "CONTAINER_CONNECTION",
        "CONTAINERS_MACHINE_PROVIDER", "HOME", "PATH", "XDG_RUNTIME_DIR")) {
      if (env.containsKey(k)) {
        out.put(k, env.get(k));
      }
    }
    return out;
  }
}
