package dev.envdoctor.cli;

import dev.envdoctor.flow.Phase;
import picocli.CommandLine.Command;

@Command(name = "probe", mixinStandardHelpOptions = true,
    description = "Facts only: OS, hardware, JVM, container runtimes, VM or container.")
public final class ProbeCommand extends StageCommand {

  @Override
  protected Phase phase() {
    return Phase.PROBE;
  }
}
