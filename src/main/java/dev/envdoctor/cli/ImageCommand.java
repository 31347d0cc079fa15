package dev.envdoctor.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The in-container worker image. */
@Command(name = "image", mixinStandardHelpOptions = true,
    description = "The in-container worker image.",
    subcommands = ImageCommand.Build.class)
public final class ImageCommand implements Runnable {

  @Override
  public void run() {
    throw ExitException.badInput("image: missing subcommand: try 'envdoctor image build'");
  }

  /** Builds the worker image from the recipe shipped with envdoctor. */
  @Command(name = "build", mixinStandardHelpOptions = true,
      description = "Build the in-container worker image from the recipe in the repo.")
  public static final class Build extends BaseCommand {

    @Option(names = "--runtime", defaultValue = "docker", paramLabel = "docker|podman")
    String runtime;

    @Option(names = "--base-image", paramLabel = "IMAGE", description = "Base image with a Java 17+ runtime.")
    String baseImage;

    @Override
    public Integer call() {
      throw ExitException.toolFailed("image build: not implemented yet (issue #4)");
    }
  }
}
