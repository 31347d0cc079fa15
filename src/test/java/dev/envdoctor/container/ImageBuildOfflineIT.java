package dev.envdoctor.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.run.ExitCode;
import dev.envdoctor.testing.RequiresDocker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * image build where the base image cannot be pulled, for real: this machine reaches no registry, so
 * a base image the engine does not have fails to pull. The machine refused: exit 4 with the fix, not
 * 3 ("envdoctor itself failed"). Nothing is built (the tag never exists).
 */
@RequiresDocker("docker")
class ImageBuildOfflineIT {

  @Test
  void anUnpullableBaseImageExitsFourWithItsFix() {
    String base = "envdoctor-h25b-absent-base:0";
    CommandResult r = Jar.run(List.of(), Map.of(), Duration.ofMinutes(3), "image", "build", "--runtime", "docker",
        "--base-image", base, "--tag", "envdoctor-h25b-never:0");
    assertEquals(ExitCode.ENVIRONMENT, r.exitCode(), r.stdout() + r.stderr());
    List<String> err = r.stderrTail(10);
    assertEquals(2, err.size(), "the progress line and the one line of the failure, no stack trace: " + err);
    assertTrue(err.get(0).startsWith("building envdoctor-h25b-never:0"), err.get(0));
    assertTrue(err.get(1).startsWith("envdoctor: image build: docker build failed: the base image " + base
        + " could not be pulled"), err.get(1));
    assertTrue(err.get(1).contains("fix: pull it while online, or pass --base-image"), err.get(1));
  }
}
