package dev.envdoctor.fleet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.fleet.slurm.ScontrolNodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real two-node Slurm of scripts/slurm-cluster.sh (nodes a and b on this host), which
 * scripts/test-deps.sh starts for CI. The tests that need it are marked {@code @RequiresSlurm}:
 * stopped, it is started for them and stopped again at the end (testing.Services).
 */
final class SlurmCluster {

  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private SlurmCluster() {}

  static CommandResult run(Duration timeout, String... argv) {
    return new ProcessRunner().run(CommandSpec.of(timeout, argv));
  }

  /** Fails the test with the fix when the cluster is not there or a node is not idle. */
  static void requireIdle() throws InterruptedException {
    String seen = dev.envdoctor.testing.Services.slurmNodesOnceIdle();
    assertTrue(seen.contains("a idle") && seen.contains("b idle"), "nodes a and b must be idle (waited 3 minutes):\n" + seen);
  }

  static Map<String, String> node(String name) {
    return ScontrolNodes.parse(run(Duration.ofSeconds(20), "scontrol", "show", "node", "-o", name).stdout()).get(name);
  }

  static void setState(String node, String state, String reason) {
    List<String> argv = new ArrayList<>(List.of("scontrol", "update", "NodeName=" + node, "State=" + state));
    if (reason != null) {
      argv.add("Reason=" + reason);
    }
    CommandResult r = new ProcessRunner().run(CommandSpec.of(Duration.ofSeconds(20), argv));
    assertTrue(r.ok(), r.describe() + " " + r.stderr());
  }

  /** Resumes a node and waits until it is idle again. */
  static void resume(String node) throws InterruptedException {
    run(Duration.ofSeconds(20), "scontrol", "update", "NodeName=" + node, "State=RESUME");
    for (int i = 0; i < 60; i++) {
      String s = node(node).get("State");
      if ("IDLE".equals(s)) {
        return;
      }
      Thread.sleep(500);
    }
  }

  /** No job of this name left in Slurm's queue, waiting a little for one that is completing. */
  static boolean noJob(String name) throws InterruptedException {
    for (int i = 0; i < 40; i++) {
      if (run(Duration.ofSeconds(20), "squeue", "-h", "--name=" + name, "-o", "%i").stdout().isBlank()) {
        return true;
      }
      Thread.sleep(250);
    }
    return false;
  }

  static Path script(Path dir, String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    return f;
  }

  /**
   * A --remote-envdoctor that runs the node's task in a mount namespace of its own where
   * {@code hidden} is an empty tmpfs: the node cannot see or write the folder fleet run writes
   * to, so the tasks' output is the only way a report comes back. {@code before} is shell run
   * first (a hang, for one node).
   */
  static Path isolatedNode(Path dir, Path hidden, String before) throws Exception {
    return script(dir, "node-envdoctor", "#!/bin/sh\n" + before + "\n"
        + "exec unshare --mount sh -c 'mount -t tmpfs envdoctor-isolation \"$0\" && cd / && exec \"$@\"' "
        + hidden + " " + JAVA + " -cp " + System.getProperty("envdoctor.jar") + " dev.envdoctor.Main \"$@\"\n");
  }
}
