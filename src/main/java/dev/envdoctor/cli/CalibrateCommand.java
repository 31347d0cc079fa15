package dev.envdoctor.cli;

import dev.envdoctor.run.Outcome;
import dev.envdoctor.flow.Phase;
import dev.envdoctor.model.Report;
import picocli.CommandLine.Command;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = "Timed training steps per runtime and device, with statistics.")
public final class CalibrateCommand extends StageCommand {

  /** A device that did not verify, or a calibration that failed, on a side that was tried: exit 1. */
  @Override
  protected int exitCode(Report report) {
    return Outcome.sidesExitCode(report);
  }

  @Override
  protected Phase phase() {
    return Phase.CALIBRATE;
  }
}
