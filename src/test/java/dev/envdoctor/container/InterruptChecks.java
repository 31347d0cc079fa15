package dev.envdoctor.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during a real run, as a user's terminal sends it (SIGINT to the envdoctor process): one
 * line saying where it stopped and what it removed, exit 130, and no container or child left.
 */
final class InterruptChecks {

  private InterruptChecks() {}

  static void ctrlCInAContainerSaysWhatItStopped(WorkerImageFixture image, String engine) throws Exception {
    Path err = Files.createTempFile("envdoctor-interrupt-", ".err");
    Path slow = slowRemoval(engine);
    try {
      // A process started in the background inherits SIGINT ignored (as Maven's forks may be), and
      // the JVM then installs no handler: give the run the default disposition, as a terminal's
      // foreground job has it.
      List<String> argv = new ArrayList<>(List.of("python3", "-c",
          "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])",
          Jar.java(), "-jar", Jar.path().toString(), "calibrate",
          "--runtime", engine, "--backend", "djl", "--full", "--json"));
      ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(false)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
      pb.environment().putAll(image.env());
      pb.environment().put("PATH", slow + java.io.File.pathSeparator + System.getenv("PATH"));
      Process p = pb.start();
      String container = awaitContainer(image, p);
      List<ProcessHandle> children = p.descendants().toList();
      assertFalse(children.isEmpty(), "the run has its child processes while the container runs");
      new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor(10, TimeUnit.SECONDS);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "envdoctor ends after Ctrl-C");
      assertEquals(130, p.exitValue(), Files.readString(err));
      List<String> lines = Files.readAllLines(err);
      assertFalse(lines.isEmpty(), "envdoctor printed nothing on Ctrl-C");
      String last = lines.get(lines.size() - 1);
      // the stage is the pipeline's foreground one: the container side's bursts run in the background
      // while later stages (the interconnect's) wait for them, so the container is named by name below
      assertTrue(last.matches("envdoctor: interrupted during the [a-z-]+ stage; stopped \\d+ child process.*"), last);
      assertTrue(last.contains("removed container " + container), last);
      assertTrue(last.endsWith("; nothing left behind"), last);
      assertTrue(lines.stream().noneMatch(l -> l.contains("Exception") || l.startsWith("\tat ")), "no stack trace: " + lines);
      assertEquals(List.of(), image.leftovers(), "no container of ours is left");
      for (ProcessHandle c : children) {
        assertFalse(c.isAlive(), "child " + c.pid() + " " + c.info().commandLine().orElse("") + " is still running");
      }
    } finally {
      Files.deleteIfExists(err);
      Files.deleteIfExists(slow.resolve(engine));
      Files.deleteIfExists(slow);
    }
  }

  /**
   * A folder with the engine's CLI in front of the real one, slow to remove a container (3 s), as
   * a loaded CI machine's engine is: the run's own thread wakes when its child is killed and ends
   * while the hook still removes the container. That run once exited 130 without a word.
   */
  private static Path slowRemoval(String engine) throws IOException {
    Path dir = Files.createTempDirectory("envdoctor-slow-rm-");
    String real = Jar.which(engine);
    Path shim = dir.resolve(engine);
    Files.writeString(shim, "#!/bin/sh\ncase \" $* \" in *\" rm \"*) sleep 3;; esac\nexec " + real + " \"$@\"\n");
    shim.toFile().setExecutable(true);
    return dir;
  }

  /** The name of our worker container once the engine runs it (the run is still going). */
  private static String awaitContainer(WorkerImageFixture image, Process p) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      assertTrue(p.isAlive(), "the run ended before its container started");
      // running, not just listed: a container being removed is listed too, and a run that is
      // ending when the signal comes has nothing left to interrupt
      List<String> running = image.running();
      if (!running.isEmpty()) {
        return running.get(0);
      }
      Thread.sleep(100);
    }
    p.destroyForcibly();
    throw new AssertionError("no worker container started within 2 minutes");
  }
}
