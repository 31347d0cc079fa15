package dev.envdoctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * install.sh's refusals, run for real with /bin/sh. The Java it finds is steered through PATH and
 * JAVA_HOME; a too-old JDK cannot be installed here, so a stand-in prints what Java 11 prints.
 */
class InstallScriptTest {

  @TempDir Path tmp;

  private CommandResult install(Map<String, String> env, String... args) {
    java.util.List<String> argv = new java.util.ArrayList<>(java.util.List.of("/bin/sh", "install.sh"));
    argv.addAll(java.util.List.of(args));
    return new ProcessRunner().run(CommandSpec.of(Duration.ofSeconds(30), argv).withEnv(env));
  }

  /** Not an archive of scripts/package.sh (the real one is installed in scripts/test-archive.sh): exit 2, nothing installed. */
  @Test
  void aFileOrFolderThatIsNotTheArchiveExitsTwo() throws IOException {
    Path notArchive = Files.writeString(tmp.resolve("envdoctor.tar.gz"), "not gzip");
    var r = install(Map.of("PREFIX", tmp.resolve("p").toString()), notArchive.toString());
    assertEquals(2, r.exitCode(), r.stderr());
    assertTrue(r.stderr().contains("cannot unpack " + notArchive), r.stderr());
    Path folder = Files.createDirectories(tmp.resolve("envdoctor-0.1.0-linux-x86_64/bin"));
    r = install(Map.of("PREFIX", tmp.resolve("p").toString()), folder.getParent().toString());
    assertEquals(2, r.exitCode(), r.stderr());
    assertTrue(r.stderr().contains("is not an envdoctor archive or its folder"), r.stderr());
    assertTrue(Files.notExists(tmp.resolve("p")), "nothing installed");
  }

  @Test
  void noJavaExitsOneAndSaysHowToGetIt() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    for (String tool : new String[] {"dirname", "awk", "uname", "sysctl", "grep"}) {
      Path real = Path.of("/usr/bin", tool);
      if (Files.exists(real)) {
        Files.createSymbolicLink(bin.resolve(tool), real);
      }
    }
    var r = install(Map.of("PATH", bin.toString(), "JAVA_HOME", "", "PREFIX", tmp.resolve("p").toString()));
    assertEquals(1, r.exitCode(), r.stderr());
    assertTrue(r.stderr().contains("no Java found. Install a JDK 17 or newer"), r.stderr());
    assertTrue(Files.notExists(tmp.resolve("p")), "nothing installed");
  }

  @Test
  void javaElevenIsTooOld() throws IOException {
    Path home = Files.createDirectories(tmp.resolve("jdk11/bin"));
    Path java = home.resolve("java");
    Files.writeString(java, "#!/bin/sh\ncat >&2 <<'X'\nProperty settings:\n    java.specification.version = 11\n    os.arch = amd64\nX\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    var r = install(Map.of("JAVA_HOME", tmp.resolve("jdk11").toString(), "PREFIX", tmp.resolve("p").toString()));
    assertEquals(1, r.exitCode(), r.stderr());
    assertTrue(r.stderr().contains("Java 11 is too old: envdoctor needs Java 17 or newer"), r.stderr());
  }
}
