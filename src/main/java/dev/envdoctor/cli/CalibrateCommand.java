package dev.envdoctor.cli;

import dev.envdoctor.doctor.Phase;
import picocli.CommandLine.Command;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = "Timed training steps per runtime and device, with statistics.")
public final class CalibrateCommand extends StageCommand {

  @Override
  protected Phase phase() {
    return Phase.CALIBRATE;
  }
}
