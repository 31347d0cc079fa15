package dev.envdoctor.container;

import dev.envdoctor.exec.ChildProcesses;
import dev.envdoctor.exec.CommandRunner;
import dev.envdoctor.exec.CommandSpec;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;

/**
 * One container run under a name of our own, removed afterwards whatever happened: killing the
 * {@code docker run} client on a timeout does not stop the container, so {@code rm -f} always
 * follows, and runs from the shutdown hook too if the doctor is interrupted meanwhile.
 */
public final class ContainerRun {

  static final Duration REMOVE_TIMEOUT = Duration.ofSeconds(20);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final CommandRunner runner;
  private final ContainerEngine engine;
  private final Map<String, String> env;
  private final String name;

  public ContainerRun(CommandRunner runner, ContainerEngine engine, Map<String, String> env) {
    this.runner = runner;
    this.engine = engine;
    this.env = Map.copyOf(env);
    byte[] id = new byte[6];
    RANDOM.nextBytes(id);
    this.name = "envdoctor-" + HexFormat.of().formatHex(id);
  }

  public String name() {
    return name;
  }

  /** Runs the body with the container's name, then removes the container. */
  public <T> T run(Function<String, T> body) {
    Runnable remove = () -> runner.run(CommandSpec.of(REMOVE_TIMEOUT, engine.forceRemove(name)).withEnv(env));
    ChildProcesses.onExit("container " + name, remove);
    try {
      return body.apply(name);
    } finally {
      remove.run();
      ChildProcesses.forget(remove);
    }
  }
}
