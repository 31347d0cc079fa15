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

/**
 * An image with Debian's python3-torch (and PIL) on the offline base image, under a tag of the tests'
 * own: built once per test JVM for every class that needs it (its apt install takes 1.5 minutes),
 * removed when the JVM exits.
 */
final class TorchImage {

  private static String built;

  private TorchImage() {}

  /** Docker's torch image, built at the first call. */
  static synchronized String docker() throws IOException {
    if (built == null) {
      String image = build("docker");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> Jar.engine("docker", "rmi", "-f", image)));
      built = image;
    }
    return built;
  }

  private static String build(String engine) throws IOException {
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
