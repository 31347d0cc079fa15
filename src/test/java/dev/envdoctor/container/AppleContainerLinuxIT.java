package dev.envdoctor.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.exec.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Linux host with some other program called "container" on PATH (here a script that even prints
 * Apple's version line, and leaves a mark when it runs): the real probe never runs it, lists no
 * container runtime by default, and says why when --runtime container asks for it.
 */
class AppleContainerLinuxIT {

  @Test
  void anUnrelatedContainerProgramOnLinuxIsNeverRunNorClaimed(@TempDir Path dir) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path mark = dir.resolve("ran");
    Path script = bin.resolve("container");
    Files.writeString(script, "#!/bin/sh\necho \"$@\" >> '" + mark + "'\n"
        + "echo 'container CLI version 1.3.1 (build: release, commit: a9a62e2)'\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"));

    CommandResult all = Jar.run(env, "probe", "--json");
    assertEquals(0, all.exitCode(), all.stderr());
    for (JsonNode r : Jar.json(all).path("runtimes")) {
      assertFalse("container".equals(r.path("name").asText()), "not listed where it is not installed: " + r);
    }

    CommandResult asked = Jar.run(env, "probe", "--runtime", "container", "--json");
    assertEquals(0, asked.exitCode(), asked.stderr());
    JsonNode c = Jar.runtime(Jar.json(asked), "container");
    assertEquals("not-installed", c.path("status").asText());
    assertEquals("Apple's container CLI runs only on macOS", c.path("diagnosis").asText());
    assertTrue(c.path("product").isNull(), c.toString());
    assertFalse(Files.exists(mark), "the program was run: " + (Files.exists(mark) ? Files.readString(mark) : ""));
  }
}
