package dev.envdoctor.cli;

import dev.envdoctor.exec.CommandRunner;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;

/** The top command; it holds the services the subcommands share (runner, clock, environment). */
@Command(
    name = "envdoctor",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Environment doctor for machine-learning training machines: is this machine set up right,",
      "should you train natively or in a container here, and what do you hand to support."
    },
    subcommands = {
      DoctorCommand.class,
      ProbeCommand.class,
      VerifyCommand.class,
      CalibrateCommand.class,
      RecommendCommand.class,
      CheckCommand.class,
      ReportCommand.class,
      CompareCommand.class,
      RaceCommand.class,
      ImageCommand.class,
      FleetCommand.class,
      HealthCommand.class,
      WorkerCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no failed check (warnings alone, unless --strict)",
      "1:at least one failed check",
      "2:bad usage or bad input (e.g. a malformed check file)",
      "3:envdoctor itself failed",
      "4:the machine refused (no space, read-only folder, no permission)",
      "130:interrupted (Ctrl-C)"
    })
public final class EnvdoctorCommand implements Runnable {

  private final CommandRunner runner;
  private final Clock clock;
  private final Map<String, String> env;
  private final boolean terminal;

  public EnvdoctorCommand(CommandRunner runner, Clock clock, Map<String, String> env, boolean terminal) {
    this.runner = runner;
    this.clock = clock;
    this.env = Map.copyOf(env);
    this.terminal = terminal;
  }

  public CommandRunner runner() {
    return runner;
  }

  public Clock clock() {
    return clock;
  }

  public Map<String, String> env() {
    return env;
  }

  public boolean terminal() {
    return terminal;
  }

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "missing command: try 'envdoctor doctor'");
  }
}
