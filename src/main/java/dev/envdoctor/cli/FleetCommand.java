package dev.envdoctor.cli;

import picocli.CommandLine.Command;

/** The fleet commands: run the doctor on every node through the cluster's scheduler, and read the result. */
@Command(name = "fleet", mixinStandardHelpOptions = true,
    description = "Validate every node of a cluster: run (through Slurm), report, baseline.",
    subcommands = {FleetRunCommand.class, FleetReportCommand.class, FleetBaselineCommand.class, FleetNodeCommand.class})
public final class FleetCommand implements Runnable {

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
        "missing fleet command: try 'envdoctor fleet run --scheduler slurm'");
  }
}
