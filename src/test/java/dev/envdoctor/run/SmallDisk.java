package dev.envdoctor.run;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.opentest4j.TestAbortedException;

/**
 * A real file system that refuses: a tmpfs of a few KiB filled to its last block, or mounted
 * read-only. Mounting needs root (as on the development and CI machines); elsewhere the test is
 * skipped, but never under ENVDOCTOR_REQUIRE_ENGINES=1 (CI), where it must run.
 */
final class SmallDisk implements AutoCloseable {

  private static final ProcessRunner RUNNER = new ProcessRunner();

  final Path dir;

  private SmallDisk(Path dir) {
    this.dir = dir;
  }

  /** A tmpfs of 16 KiB with no block free (a 0-byte file still fits), or read-only. */
  static SmallDisk mount(boolean readOnly) throws Exception {
    Path dir = Files.createTempDirectory("envdoctor-small-");
    CommandResult r = run("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", dir.toString());
    if (!r.ok()) {
      Files.delete(dir);
      String why = "cannot mount a small tmpfs here: " + r.describe() + " " + r.stderr();
      if ("1".equals(System.getenv("ENVDOCTOR_REQUIRE_ENGINES"))) {
        throw new AssertionError(why + " (CI must run this test)");
      }
      throw new TestAbortedException(why);
    }
    SmallDisk d = new SmallDisk(dir);
    if (readOnly) {
      run("mount", "-o", "remount,ro", dir.toString());
    } else {
      Files.write(dir.resolve("fill"), new byte[16 * 1024]);
    }
    return d;
  }

  /** The files in it, our "fill" aside: what a refused write left behind. */
  List<String> leftovers() throws Exception {
    try (var s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
          .filter(n -> !n.equals("fill")).sorted().toList();
    }
  }

  @Override
  public void close() throws Exception {
    run("umount", dir.toString());
    Files.deleteIfExists(dir);
  }

  private static CommandResult run(String... argv) {
    return RUNNER.run(CommandSpec.of(Duration.ofSeconds(20), List.of(argv)));
  }
}
