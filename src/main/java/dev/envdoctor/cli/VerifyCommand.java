package dev.envdoctor.cli;

import dev.envdoctor.doctor.Phase;
import picocli.CommandLine.Command;

@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Which devices really compute, natively and inside each container runtime.")
public final class VerifyCommand extends StageCommand {

  @Override
  protected Phase phase() {
    return Phase.VERIFY;
  }
}
