package dev.envdoctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed launcher (src/main/dist/envdoctor) in the layout install.sh makes: PREFIX/bin and
 * PREFIX/lib/envdoctor with the jar, its lib/ and the AppCDS archive. A class-data archive that
 * cannot be used makes the JVM warn on stderr; the launcher passes it only when it is not older
 * than the jar. The archive here is made for the jar and then made stale by copying the jar again
 * (the JVM checks the jar's time and size), as when a jar is replaced without running install.sh;
 * its own time then decides whether the launcher passes it, and the JVM's warning shows it did.
 */
class LauncherIT {

  @TempDir Path prefix;

  private Path layout() throws IOException {
    Path jar = Path.of(System.getProperty("envdoctor.jar"));
    Path dest = Files.createDirectories(prefix.resolve("lib/envdoctor"));
    Files.copy(jar, dest.resolve("envdoctor.jar"));
    Files.createSymbolicLink(dest.resolve("lib"), jar.toAbsolutePath().getParent().resolve("lib"));
    Path bin = Files.createDirectories(prefix.resolve("bin"));
    Files.copy(Path.of("src/main/dist/envdoctor"), bin.resolve("envdoctor"));
    return dest;
  }

  private CommandResult version() {
    return new ProcessRunner().run(CommandSpec.of(Duration.ofSeconds(30), "/bin/sh",
        prefix.resolve("bin/envdoctor").toString(), "--version"));
  }

  /** A real archive of the installed jar, made stale by replacing the jar, then given {@code modified}. */
  private static void staleArchive(Path dest, Instant modified) throws IOException {
    Path jar = dest.resolve("envdoctor.jar");
    Path jsa = dest.resolve("envdoctor.jsa");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    CommandResult dump = new ProcessRunner().run(CommandSpec.of(Duration.ofSeconds(60), java, "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-XX:ArchiveClassesAtExit=" + jsa, "-jar", jar.toString(), "--version"));
    assertTrue(Files.isRegularFile(jsa) && Files.size(jsa) > 0, dump.describe());
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
    Files.setLastModifiedTime(jsa, FileTime.from(modified));
  }

  /** {@code envdoctor --version} through the launcher, with a stale archive of the given time. */
  private CommandResult versionWithStaleArchive(Instant archiveTime) throws IOException {
    staleArchive(layout(), archiveTime);
    CommandResult r = version();
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().startsWith("envdoctor "), r.stdout());
    return r;
  }

  @Test
  void anArchiveOlderThanTheJarIsNotPassed() throws IOException {
    assertEquals("", versionWithStaleArchive(Instant.now().minusSeconds(60)).stderr());
  }

  @Test
  void anArchiveNewerThanTheJarIsPassed() throws IOException {
    String stderr = versionWithStaleArchive(Instant.now().plusSeconds(60)).stderr();
    assertTrue(stderr.contains("envdoctor.jsa"), "the JVM was given the archive: " + stderr);
  }
}
