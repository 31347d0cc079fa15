package dev.envdoctor.cli;

import dev.envdoctor.doctor.Phase;
import picocli.CommandLine.Command;

@Command(name = "recommend", mixinStandardHelpOptions = true,
    description = "Train natively or in a container here: the verdict, its evidence and a projection.")
public final class RecommendCommand extends StageCommand {

  @Override
  protected Phase phase() {
    return Phase.RECOMMEND;
  }
}
