package dev.envdoctor.cli;

import picocli.CommandLine.Command;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Evaluate a declarative profile from checks/ or a file.")
public final class CheckCommand extends StageCommand {

  @Override
  protected String stageName() {
    return "check";
  }
}
