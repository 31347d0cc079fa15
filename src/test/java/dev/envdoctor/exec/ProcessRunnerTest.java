package dev.envdoctor.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Drives real child processes: the runner must tell every outcome apart and never hang. */
class ProcessRunnerTest {

  private final ProcessRunner runner = new ProcessRunner();

  @Test
  void okCapturesBothStreamsWithCLocale() {
    var r = runner.run(CommandSpec.of(Duration.ofSeconds(10), "sh", "-c", "echo out; echo err >&2; echo $LC_ALL"));
    assertEquals(CommandResult.Status.OK, r.status());
    assertEquals(List.of("out", "C"), r.stdoutLines());
    assertEquals("err", r.stderr().strip());
  }

  @Test
  void missingProgramIsNotFoundNotAnException() {
    var r = runner.run(CommandSpec.of(Duration.ofSeconds(5), "no-such-program-envdoctor"));
    assertEquals(CommandResult.Status.NOT_FOUND, r.status());
  }

  @Test
  void nonZeroExitIsFailedWithItsCode() {
    var r = runner.run(CommandSpec.of(Duration.ofSeconds(5), "sh", "-c", "exit 3"));
    assertEquals(CommandResult.Status.FAILED, r.status());
    assertEquals(3, r.exitCode());
  }

  @Test
  void timeoutKillsTheWholeTree() throws Exception {
    long t0 = System.nanoTime();
    // the grandchild would outlive a naive kill of sh; its pid is printed first
    var r = runner.run(CommandSpec.of(Duration.ofMillis(700), "sh", "-c", "sleep 30 & echo $!; wait"));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(CommandResult.Status.TIMED_OUT, r.status());
    assertTrue(ms < 10_000, "returned after " + ms + " ms");
    long grandchild = Long.parseLong(r.stdout().strip());
    assertTrue(goneWithin(grandchild, 5_000), "sleep survived the kill");
  }

  /** Gone, or a zombie waiting for a reaper: either way it no longer runs. */
  static boolean goneWithin(long pid, long millis) throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      var stat = java.nio.file.Path.of("/proc/" + pid + "/stat");
      if (!java.nio.file.Files.exists(stat)
          || java.nio.file.Files.readString(stat).replaceFirst(".*\\) ", "").startsWith("Z")) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  @Test
  void killedBySignalIsSignalledAndNamed() {
    var r = runner.run(CommandSpec.of(Duration.ofSeconds(5), "sh", "-c", "kill -SEGV $$"));
    assertEquals(CommandResult.Status.SIGNALLED, r.status());
    assertEquals(11, r.signal());
    assertTrue(r.describe().contains("SIGSEGV"), r.describe());
  }

  @Test
  void stdinIsFedAndStderrLinesStream() {
    List<String> seen = new CopyOnWriteArrayList<>();
    var r = runner.run(CommandSpec.of(Duration.ofSeconds(5), "sh", "-c", "cat; echo a >&2; echo b >&2")
        .withStdin("hello").withStderrListener(seen::add));
    assertEquals("hello", r.stdout());
    assertEquals(List.of("a", "b"), seen);
    assertEquals(List.of("a", "b"), r.stderrTail(5));
  }

  @Test
  void aDialogTalksWithTheChildLineByLineAfterItsStdin() {
    // the child reads its stdin's text, then answers each line it is sent, as a side does
    List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    var r = runner.run(CommandSpec.of(Duration.ofSeconds(10), "sh", "-c",
            "read first; echo \"got $first\"; while read cmd; do echo \"did $cmd\"; [ \"$cmd\" = end ] && exit 0; done")
        .withStdin("hello\n").withDialog(d -> {
          try {
            heard.add(d.receive());
            d.send("verify");
            heard.add(d.receive());
            d.send("end");
            heard.add(d.receive());
            heard.add(String.valueOf(d.receive()));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }));
    assertEquals(CommandResult.Status.OK, r.status(), r.stderr());
    assertEquals(List.of("got hello", "did verify", "did end", "null"), heard, "the end of stdout reads as null");
    assertEquals("got hello\ndid verify\ndid end", r.stdout().strip());
  }

  @Test
  void aChildThatNeverAnswersStillEndsAtItsTimeoutAndTheDialogIsReleased() throws Exception {
    var released = new java.util.concurrent.CompletableFuture<String>();
    var r = runner.run(CommandSpec.of(Duration.ofMillis(800), "sh", "-c", "read answer; echo late")
        .withDialog(d -> {
          try {
            released.complete(String.valueOf(d.receive()));
          } catch (InterruptedException e) {
            released.complete("interrupted");
          }
        }));
    assertEquals(CommandResult.Status.TIMED_OUT, r.status());
    assertEquals("null", released.get(5, java.util.concurrent.TimeUnit.SECONDS), "the killed child's stdout ended");
  }

  @Test
  void aChildThatNeverReadsAStdinLargerThanAPipeStillEndsAtItsTimeout() {
    String big = "x".repeat(1 << 20); // 1 MiB: a pipe holds 64 KiB
    long t0 = System.nanoTime();
    var r = runner.run(CommandSpec.of(Duration.ofMillis(800), "sleep", "30").withStdin(big));
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(CommandResult.Status.TIMED_OUT, r.status());
    assertTrue(seconds < 10, "ended at its timeout, not blocked writing its stdin: " + seconds + " s");
    var read = runner.run(CommandSpec.of(Duration.ofSeconds(30), "wc", "-c").withStdin(big));
    assertEquals(String.valueOf(1 << 20), read.stdout().strip(), "a child that reads it gets all of it");
  }
}
