package dev.envdoctor.cli;

import picocli.CommandLine.Command;

@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Which devices really compute, natively and inside each container runtime.")
public final class VerifyCommand extends StageCommand {

  @Override
  protected String stageName() {
    return "verify";
  }
}
