package dev.envdoctor.container;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/** An image with Debian's python3-torch on the offline base image, under a tag of the tests' own (the caller removes it). */
final class TorchImage {

  private TorchImage() {}

  static String build(String engine) throws IOException {
    byte[] id = new byte[4];
    new SecureRandom().nextBytes(id);
    String image = "envdoctor-ct-torch-" + HexFormat.of().formatHex(id) + ":1";
    Path dir = Files.createTempDirectory("envdoctor-ct-torch-");
    try {
      Files.writeString(dir.resolve("Dockerfile"), "FROM " + WorkerImageFixture.BASE + "\n"
          + "RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-torch python3-pil"
          + " && rm -rf /var/lib/apt/lists/*\n");
      CommandResult r = Jar.RUNNER.run(CommandSpec.of(Duration.ofMinutes(20), engine, "build", "-q", "-t", image, dir.toString()));
      assertTrue(r.ok(), r.describe() + r.stderr());
    } finally {
      Files.deleteIfExists(dir.resolve("Dockerfile"));
      Files.deleteIfExists(dir);
    }
    return image;
  }
}
