package dev.envdoctor.cli;

import dev.envdoctor.doctor.Phase;
import picocli.CommandLine.Command;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Evaluate a declarative profile from checks/ or a file.")
public final class CheckCommand extends StageCommand {

  @Override
  protected Phase phase() {
    return Phase.CHECK;
  }
}
