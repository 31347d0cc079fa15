package dev.envdoctor.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The worker image, built once per test class with the real `envdoctor image build` on the offline
 * base image, under a tag of the tests' own; removed at the end.
 */
final class WorkerImageFixture {

  static final String BASE = "local/debian:bookworm";

  final String engine;
  final String tag;

  private WorkerImageFixture(String engine, String tag) {
    this.engine = engine;
    this.tag = tag;
  }

  static WorkerImageFixture build(String engine) {
    byte[] id = new byte[4];
    new SecureRandom().nextBytes(id);
    String tag = "envdoctor-ct-it-" + HexFormat.of().formatHex(id) + ":0.1.0";
    List<String> before = buildContexts();
    CommandResult r = Jar.run(List.of(), Map.of(), Duration.ofMinutes(15), "image", "build", "--runtime", engine,
        "--base-image", BASE, "--tag", tag);
    assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
    assertTrue(r.stdout().contains("built " + tag + " (linux/"), r.stdout());
    assertEquals(before, buildContexts(), "image build left its temporary build context behind");
    // the build drove the worker through its commands once: libtorch is extracted into the image and
    // the class archive dumped, so no container run pays for either (a worker that refused the
    // build's commands left both out, and each doctor's container side started 1.8 s later)
    CommandResult ls = Jar.engine(engine, "run", "--rm", "--network", "none", "--entrypoint", "sh", tag, "-c",
        "find /tmp/envdoctor -name 'libtorch*.so' | head -1; stat -c %s /opt/envdoctor/worker.jsa");
    assertTrue(ls.ok(), ls.describe() + ls.stderr());
    List<String> lines = ls.stdoutLines();
    assertTrue(lines.size() == 2 && lines.get(0).contains("libtorch"), "libtorch extracted at build: " + lines);
    assertTrue(Long.parseLong(lines.get(1).strip()) > 10_000_000L, "a class archive of the whole worker run: " + lines.get(1) + " bytes");
    return new WorkerImageFixture(engine, tag);
  }

  void remove() {
    Jar.engine(engine, "rmi", "-f", tag);
  }

  Map<String, String> env() {
    return Map.of("ENVDOCTOR_WORKER_IMAGE", tag);
  }

  /** Containers of ours that the engine still knows, running or not. */
  List<String> leftovers() {
    CommandResult ps = Jar.engine(engine, "ps", "-a", "--filter", "label=dev.envdoctor=worker", "--format", "{{.Names}}");
    assertTrue(ps.ok(), ps.describe() + ps.stderr());
    return ps.stdoutLines().stream().filter(l -> !l.isBlank()).toList();
  }

  /** Containers of ours the engine runs now. */
  List<String> running() {
    CommandResult ps = Jar.engine(engine, "ps", "--filter", "label=dev.envdoctor=worker", "--filter", "status=running",
        "--format", "{{.Names}}");
    assertTrue(ps.ok(), ps.describe() + ps.stderr());
    return ps.stdoutLines().stream().filter(l -> !l.isBlank()).toList();
  }

  static List<String> buildContexts() {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("envdoctor-image-")).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
