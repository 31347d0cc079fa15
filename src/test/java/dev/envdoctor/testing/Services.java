package dev.envdoctor.testing;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One rule for the services the integration tests drive (Docker, Podman, Slurm). Running: the test
 * runs. Installed but stopped: the tests start it with the project's own script
 * (scripts/docker-engine.sh, scripts/slurm-cluster.sh) and stop what they started when the whole
 * test run ends (JUnit's root store closes it), so the machine is left as it was found. Not
 * installed: skipped on a developer's machine with one line saying how to install it, a failure
 * under {@code ENVDOCTOR_REQUIRE_ENGINES=1} (CI), where these tests must run.
 */
public final class Services {

  /** A service: how to tell it answers, the program that says it is installed, its start script. */
  public enum Service {
    DOCKER("Docker engine", List.of("docker", "info"), "dockerd", "scripts/docker-engine.sh"),
    // daemonless: installed means it answers, there is nothing to start
    PODMAN("Podman", List.of("podman", "info"), "podman", null),
    SLURM("Slurm test cluster", List.of("sinfo", "-h", "-N", "-o", "%N %t"), "slurmctld", "scripts/slurm-cluster.sh");

    final String label;
    final List<String> probe;
    final String installed;
    final String script;

    Service(String label, List<String> probe, String installed, String script) {
      this.label = label;
      this.probe = probe;
      this.installed = installed;
      this.script = script;
    }
  }

  private static final ProcessRunner RUNNER = new ProcessRunner();
  private static final String INSTALL = "run scripts/test-deps.sh as root once (it installs and starts Docker, Podman and Slurm)";

  private Services() {}

  /**
   * Empty when the service answers (started now if it was installed and stopped); else why not,
   * for a skip. Under ENVDOCTOR_REQUIRE_ENGINES=1 the reason is thrown instead: CI must run the test.
   */
  public static Optional<String> require(Service s, ExtensionContext context) {
    Optional<String> why = context.getRoot().getStore(ExtensionContext.Namespace.create(Services.class))
        .getOrComputeIfAbsent(s, k -> new Started(s, ensure(s)), Started.class).why;
    if (why.isPresent() && "1".equals(System.getenv("ENVDOCTOR_REQUIRE_ENGINES"))) {
      throw new IllegalStateException(why.get() + " (ENVDOCTOR_REQUIRE_ENGINES=1: this test must run)");
    }
    return why;
  }

  /** What {@link #ensure} started: stopped again when the test run ends. */
  private record Started(Service service, Optional<String> why, List<String> daemons)
      implements AutoCloseable {

    Started(Service service, Ensured e) {
      this(service, e.why(), e.started());
    }

    @Override
    public void close() {
      if (service.script == null || daemons.isEmpty()) {
        return;
      }
      List<String> argv = new ArrayList<>(List.of("bash", service.script, "stop"));
      if (service == Service.SLURM) {
        argv.addAll(daemons);
      }
      CommandResult r = run(Duration.ofSeconds(90), argv);
      System.err.println("[services] stopped what the tests started: " + service.label + " " + daemons + " (" + r.describe() + ")");
    }
  }

  private record Ensured(Optional<String> why, List<String> started) {}

  private static Ensured ensure(Service s) {
    if (answers(s) && !(s == Service.SLURM && !stoppedDaemons().isEmpty())) {
      return new Ensured(Optional.empty(), List.of());
    }
    if (!ProcessRunner.onPath(s.installed) && !Files.isExecutable(Path.of("/usr/sbin", s.installed))) {
      return new Ensured(Optional.of(s.label + " is not installed (no " + s.installed + "): " + INSTALL), List.of());
    }
    if (s.script == null) {
      return new Ensured(Optional.of(s.label + " is installed but does not answer (" + String.join(" ", s.probe) + "): " + INSTALL), List.of());
    }
    List<String> before = s == Service.SLURM ? stoppedDaemons() : List.of("dockerd");
    String failed = start(s);
    if (failed != null || !answers(s)) {
      return new Ensured(Optional.of(s.label + " is installed but did not start with " + s.script + " start: "
          + (failed == null ? "it still does not answer " + String.join(" ", s.probe) : failed)), List.of());
    }
    List<String> started = s == Service.SLURM ? before.stream().filter(d -> !stoppedDaemons().contains(d)).toList() : before;
    System.err.println("[services] " + s.label + " was stopped: started " + started + " with " + s.script + "; stopped again when the tests end");
    return new Ensured(Optional.empty(), started);
  }

  /**
   * sinfo's "node state" lines once nodes a and b of the test cluster are both idle, waiting up to
   * three minutes: a job of another test run on the shared cluster, or a node just started, holds
   * them for a while. Returns the last lines seen either way; the caller asserts.
   */
  public static String slurmNodesOnceIdle() throws InterruptedException {
    String seen = "";
    for (int i = 0; i < 180; i++) {
      CommandResult r = run(Duration.ofSeconds(20), List.of("sinfo", "-h", "-N", "-o", "%N %t"));
      seen = r.ok() ? r.stdout() : r.describe();
      if (seen.contains("a idle") && seen.contains("b idle")) {
        return seen;
      }
      Thread.sleep(1000);
    }
    return seen;
  }

  private static boolean answers(Service s) {
    return run(Duration.ofSeconds(20), s.probe).ok();
  }

  /** The test cluster's daemons that are not running, by slurm-cluster.sh status (names as stop takes them). */
  private static List<String> stoppedDaemons() {
    CommandResult r = run(Duration.ofSeconds(20), List.of("bash", Service.SLURM.script, "status"));
    return r.stdout().lines().filter(l -> l.endsWith(" stopped")).map(l -> l.substring(0, l.indexOf(' '))).toList();
  }

  /**
   * Runs the start script with its output in a file, not a pipe: the daemons it starts outlive it
   * and might hold a pipe open. Null when it went well, else its last line.
   */
  private static String start(Service s) {
    try {
      Path log = Files.createTempFile("envdoctor-services-", ".log");
      try {
        Process p = new ProcessBuilder("bash", s.script, "start").redirectErrorStream(true)
            .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)) {
          p.destroyForcibly();
          return "timed out after 3 minutes";
        }
        List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
        return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + (lines.isEmpty() ? "no output" : lines.get(lines.size() - 1));
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (java.io.IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static CommandResult run(Duration timeout, List<String> argv) {
    return RUNNER.run(CommandSpec.of(timeout, argv));
  }
}
