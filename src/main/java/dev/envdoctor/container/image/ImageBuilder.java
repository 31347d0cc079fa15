package dev.envdoctor.container.image;

import dev.envdoctor.model.RuntimeStatus;

import dev.envdoctor.run.ExitCode;
import dev.envdoctor.run.RunFailure;
import dev.envdoctor.container.ContainerEngine;
import dev.envdoctor.container.EngineProbe;
import dev.envdoctor.container.Failure;
import dev.envdoctor.container.HostFacts;
import dev.envdoctor.exec.ChildProcesses;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandRunner;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.model.RuntimeInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds the worker image: checks the engine, picks the jars for its architecture, assembles the
 * build context in a temporary folder (deleted afterwards, also on Ctrl-C) and runs the engine's
 * build. Every failure is one line with its fix (an {@link RunFailure}).
 */
public final class ImageBuilder {

  static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);
  static final String RECIPE = "/dev/envdoctor/docker/Dockerfile";

  private final CommandRunner runner;
  private final Map<String, String> env;

  public ImageBuilder(CommandRunner runner, Map<String, String> env) {
    this.runner = runner;
    this.env = Map.copyOf(env);
  }

  public record Built(String tag, String engine, String arch, long millis) {}

  public Built build(ContainerEngine engine, Path appJar, String baseImage, String tag, Consumer<String> progress) {
    long t0 = System.nanoTime();
    RuntimeInfo info = engine.detect(new EngineProbe(runner, env, HostFacts.of(null), Duration.ofSeconds(10), List.of()));
    if (info.status() != RuntimeStatus.OK) {
      int code = info.status() == RuntimeStatus.NOT_INSTALLED || info.status() == RuntimeStatus.ERROR
          ? ExitCode.USAGE : ExitCode.TOOL_FAILED;
      throw new RunFailure(code, "image build: " + info.diagnosis() + "; fix: " + info.fix());
    }
    Path lib = appJar.getParent().resolve("lib");
    if (!Files.isRegularFile(appJar) || !Files.isDirectory(lib)) {
      throw RunFailure.toolFailed("image build: " + appJar + " with its lib/ folder not found; build it with ./mvnw package");
    }
    LibSelection libs = LibSelection.of(list(lib), info.arch());
    if (!libs.present()) {
      throw RunFailure.toolFailed("image build: the " + engine.name() + " engine runs linux/" + info.arch() + " but "
          + lib + " has no " + libs.needed() + "; fix: mvn dependency:copy -Dartifact=" + libs.neededArtifact()
          + " -DoutputDirectory=" + lib);
    }
    Path context = createContext();
    Runnable cleanup = () -> deleteTree(context);
    ChildProcesses.onExit("build folder " + context, cleanup);
    try {
      assemble(context, appJar, lib, libs.include());
      List<String> args = new ArrayList<>();
      if (baseImage != null && !baseImage.isBlank()) {
        args.add("BASE_IMAGE=" + baseImage);
      }
      progress.accept("building " + tag + " for linux/" + info.arch() + " with " + engine.name()
          + (baseImage == null ? "" : " on " + baseImage) + " ...");
      CommandResult r = runner.run(CommandSpec.of(BUILD_TIMEOUT, engine.build(context, tag, args)));
      if (!r.ok()) {
        List<String> lines = new ArrayList<>(r.stdoutLines());
        lines.addAll(r.stderrTail(20));
        BuildFailure.Why why = BuildFailure.why(lines, baseImage);
        throw new RunFailure(why.refused() ? ExitCode.ENVIRONMENT : ExitCode.TOOL_FAILED,
            "image build: " + engine.name() + " build failed: " + why.line());
      }
    } finally {
      cleanup.run();
      ChildProcesses.forget(cleanup);
    }
    return new Built(tag, engine.name(), info.arch(), (System.nanoTime() - t0) / 1_000_000);
  }

  /** The running envdoctor.jar, or target/envdoctor.jar beside target/classes when run from classes. */
  public static Path runningJar() {
    try {
      Path p = Path.of(ImageBuilder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return p.toString().endsWith(".jar") ? p : p.getParent().resolve("envdoctor.jar");
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path createContext() {
    try {
      return Files.createTempDirectory("envdoctor-image-");
    } catch (IOException e) {
      throw RunFailure.toolFailed("image build: cannot create a temporary folder: " + e.getMessage());
    }
  }

  private static void assemble(Path context, Path appJar, Path lib, List<String> jars) {
    try (InputStream recipe = ImageBuilder.class.getResourceAsStream(RECIPE)) {
      if (recipe == null) {
        throw RunFailure.toolFailed("image build: the recipe " + RECIPE + " is missing from envdoctor.jar");
      }
      Files.copy(recipe, context.resolve("Dockerfile"));
      Files.createDirectories(context.resolve("lib"));
      linkOrCopy(appJar, context.resolve("envdoctor.jar"));
      for (String jar : jars) {
        linkOrCopy(lib.resolve(jar), context.resolve("lib").resolve(jar));
      }
    } catch (IOException e) {
      throw RunFailure.toolFailed("image build: cannot assemble the build context: " + e.getMessage());
    }
  }

  /** A hard link spares copying 100+ MB of native jars; a copy where links cannot be made. */
  private static void linkOrCopy(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(from, to);
    }
  }

  private static List<String> list(Path lib) {
    try (Stream<Path> files = Files.list(lib)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // best effort: the folder is in the temp dir
        }
      });
    } catch (IOException ignored) {
      // already gone
    }
  }
}
