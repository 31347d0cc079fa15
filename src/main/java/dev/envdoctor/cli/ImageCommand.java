package dev.envdoctor.cli;

import dev.envdoctor.run.Interrupts;
import dev.envdoctor.run.ExitCode;
import dev.envdoctor.run.RunFailure;
import dev.envdoctor.container.ContainerEngine;
import dev.envdoctor.container.Engines;
import dev.envdoctor.container.image.ImageBuilder;
import dev.envdoctor.container.image.WorkerImage;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The in-container worker image. */
@Command(name = "image", mixinStandardHelpOptions = true,
    description = "The in-container worker image.",
    subcommands = ImageCommand.Build.class)
public final class ImageCommand implements Runnable {

  @Override
  public void run() {
    throw RunFailure.badInput("image: missing subcommand: try 'envdoctor image build'");
  }

  /** Builds the worker image from the recipe shipped with envdoctor. */
  @Command(name = "build", mixinStandardHelpOptions = true,
      description = "Build the in-container worker image from the recipe in the repo.")
  public static final class Build extends BaseCommand {

    @Option(names = "--runtime", defaultValue = "docker", paramLabel = "docker|podman|container",
        description = "The engine to build with (default: ${DEFAULT-VALUE}).")
    String runtime;

    @Option(names = "--base-image", paramLabel = "IMAGE", description = "Base image with a Java 17+ runtime.")
    String baseImage;

    @Option(names = "--tag", hidden = true, description = "Image name (default: envdoctor-worker:VERSION).")
    String tag;

    @Option(names = "--jar", hidden = true, description = "The envdoctor.jar to pack, with lib/ beside it.")
    Path jar;

    @Override
    public Integer call() {
      ContainerEngine engine = Engines.named(runtime).orElseThrow(() ->
          RunFailure.badInput("image build: unknown runtime '" + runtime + "': use docker, podman or container"));
      Interrupts.at("the image build");
      var root = root();
      var err = spec.commandLine().getErr();
      ImageBuilder.Built built = new ImageBuilder(root.runner(), root.env()).build(engine,
          jar != null ? jar : ImageBuilder.runningJar(), baseImage,
          tag != null ? tag : WorkerImage.defaultTag(), line -> {
            err.println(line);
            err.flush();
          });
      spec.commandLine().getOut().printf("built %s (linux/%s) with %s in %d s%n", built.tag(), built.arch(),
          built.engine(), built.millis() / 1000);
      spec.commandLine().getOut().flush();
      return ExitCode.OK;
    }
  }
}
