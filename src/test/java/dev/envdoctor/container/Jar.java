package dev.envdoctor.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the packaged envdoctor.jar as a real child process, as a user would. */
final class Jar {

  static final ObjectMapper JSON = new ObjectMapper();
  static final ProcessRunner RUNNER = new ProcessRunner();

  private Jar() {}

  static Path path() {
    return Path.of(System.getProperty("envdoctor.jar", "target/envdoctor.jar")).toAbsolutePath();
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** {@code java -jar envdoctor.jar ARGS}, after an optional prefix (setpriv ...), with extra env. */
  static CommandResult run(List<String> prefix, Map<String, String> env, Duration timeout, String... args) {
    List<String> argv = new ArrayList<>(prefix);
    argv.addAll(List.of(java(), "-jar", path().toString()));
    argv.addAll(List.of(args));
    return RUNNER.run(CommandSpec.of(timeout, argv).withEnv(env));
  }

  static CommandResult run(Map<String, String> env, String... args) {
    return run(List.of(), env, Duration.ofMinutes(5), args);
  }

  static JsonNode json(CommandResult r) {
    try {
      return JSON.readTree(r.stdout());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + r.stdout() + "\nstderr: " + r.stderr(), e);
    }
  }

  static JsonNode runtime(JsonNode report, String name) {
    for (JsonNode r : report.path("runtimes")) {
      if (name.equals(r.path("name").asText())) {
        return r;
      }
    }
    throw new AssertionError("no runtime " + name + " in " + report.path("runtimes"));
  }

  /** Shell-free engine command for assertions (docker ps -a ..., docker run ...). */
  static CommandResult engine(String... argv) {
    return RUNNER.run(CommandSpec.of(Duration.ofMinutes(2), argv));
  }

  /** The absolute path of a command on this machine's PATH (a test needs the real one behind a shim). */
  static String which(String cli) {
    for (String dir : System.getenv("PATH").split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir, cli);
      if (java.nio.file.Files.isExecutable(p)) {
        return p.toAbsolutePath().toString();
      }
    }
    throw new AssertionError(cli + " is not on PATH");
  }
}
