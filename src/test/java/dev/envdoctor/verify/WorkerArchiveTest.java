package dev.envdoctor.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerArchiveTest {

  @TempDir
  Path tmp;

  /** A JDK folder with its own base CDS archive, as Debian's and Temurin's have. */
  private Path jdk() throws IOException {
    Path home = tmp.resolve("jdk");
    Files.createDirectories(home.resolve("lib/server"));
    if (!Files.exists(home.resolve("lib/server/classes.jsa"))) {
      Files.writeString(home.resolve("lib/server/classes.jsa"), "base");
    }
    return home;
  }

  private WorkerArchive archive(Path jar, long pid) throws IOException {
    return WorkerArchive.of(jar.toString(), jdk().toString(), "17.0.15", tmp.resolve("cds"), pid);
  }

  /** What a first worker does: asks for the flags, then the JVM writes the pending dump at exit. */
  private static WorkerArchive dumped(WorkerArchive a) throws IOException {
    a.jvmFlags();
    Files.writeString(a.pending(), "dumped");
    return a;
  }

  @Test
  void theFirstWorkerDumpsAndAFinishedOneKeepsIt() throws IOException {
    Path jar = Files.writeString(tmp.resolve("envdoctor.jar"), "jar");
    WorkerArchive a = archive(jar, 11);
    assertEquals(List.of("-XX:ArchiveClassesAtExit=" + a.pending()), a.jvmFlags());
    Files.writeString(a.pending(), "dumped");
    a.settle(true);
    assertTrue(Files.isRegularFile(a.archive()));
    assertFalse(Files.exists(a.pending()));
    assertEquals(List.of("-XX:SharedArchiveFile=" + a.archive()), archive(jar, 12).jvmFlags());
  }

  @Test
  void aWorkerThatFailedLeavesNoArchive() throws IOException {
    Path jar = Files.writeString(tmp.resolve("envdoctor.jar"), "jar");
    WorkerArchive a = dumped(archive(jar, 11));
    a.settle(false);
    assertFalse(Files.exists(a.pending()));
    assertFalse(Files.exists(a.archive()));
  }

  @Test
  void aNewJarGetsANewArchiveAndTheOldOneGoes() throws IOException {
    Path jar = Files.writeString(tmp.resolve("envdoctor.jar"), "jar");
    WorkerArchive first = dumped(archive(jar, 11));
    first.settle(true);
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
    WorkerArchive second = dumped(archive(jar, 12));
    assertNotEquals(first.archive(), second.archive());
    second.settle(true);
    assertTrue(Files.exists(second.archive()));
    assertFalse(Files.exists(first.archive()), "one archive per jar is kept");
  }

  @Test
  void aJvmWithoutItsOwnBaseArchiveGetsNoFlagsThatWouldStopIt() throws IOException {
    // a jlinked runtime (scripts/gpu-stage.sh): -XX:ArchiveClassesAtExit there ends the JVM at start
    Path jar = Files.writeString(tmp.resolve("envdoctor.jar"), "jar");
    Files.createDirectories(tmp.resolve("jlinked/lib/server"));
    assertNull(WorkerArchive.of(jar.toString(), tmp.resolve("jlinked").toString(), "17", tmp.resolve("cds"), 1));
  }

  @Test
  void aSourceTreeClassPathHasNone() {
    assertNull(WorkerArchive.of("target/classes:target/lib/a.jar", "/jdk", "17", tmp, 1));
    assertNull(WorkerArchive.of(tmp.resolve("missing.jar").toString(), "/jdk", "17", tmp, 1));
  }
}
