package dev.envdoctor.cli;

import dev.envdoctor.run.ExitCode;
import dev.envdoctor.run.Interrupts;
import dev.envdoctor.run.RunFailure;
import dev.envdoctor.run.Console;
import dev.envdoctor.exec.CommandRunner;
import dev.envdoctor.exec.ProcessRunner;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Builds the one CommandLine used by main and by tests, with the single error handling. */
public final class CliFactory {

  private CliFactory() {}

  /** The real thing: process runner, system clock and environment, stdout/stderr as UTF-8. */
  public static CommandLine create() {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(Interrupts.quietOnStop(System.out), StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(Interrupts.quietOnStop(System.err), StandardCharsets.UTF_8), true);
    return create(new ProcessRunner(), Clock.systemUTC(), System.getenv(), Console.stdoutIsTerminal(), out, err);
  }

  public static CommandLine create(CommandRunner runner, Clock clock, Map<String, String> env,
      boolean terminal, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new EnvdoctorCommand(runner, clock, env, terminal));
    cl.setOut(out);
    cl.setErr(err);
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(
        Console.colorAllowed(false, env, terminal) ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    HelpText.joinSentences(cl);
    cl.setParameterExceptionHandler(CliFactory::badUsage);
    cl.setExecutionExceptionHandler(CliFactory::failure);
    cl.setExecutionStrategy(CliFactory::execute);
    return cl;
  }

  /** Runs the command, then closes its status line: every command, whether or not a pipeline ran. */
  private static int execute(CommandLine.ParseResult parsed) {
    try {
      return new CommandLine.RunLast().execute(parsed);
    } finally {
      closeStatus(parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1));
    }
  }

  private static void closeStatus(CommandLine cmd) {
    if (cmd.getCommandSpec().userObject() instanceof BaseCommand b) {
      b.closeStatus();
    }
  }

  /** Bad usage: one line saying what is wrong, one line saying where help is; exit 2. */
  private static int badUsage(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("envdoctor: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCode.USAGE;
  }

  /** A deliberate failure prints its one line; anything else is a tool failure, logged in full. */
  private static int failure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    closeStatus(cmd);
    PrintWriter err = cmd.getErr();
    if (e instanceof RunFailure exit) {
      err.println("envdoctor: " + exit.getMessage());
      err.flush();
      return exit.status();
    }
    LoggerFactory.getLogger(CliFactory.class).error("unexpected failure", e);
    err.println("envdoctor: internal error: " + e + " (details in " + dev.envdoctor.Logging.logFile() + ")");
    err.flush();
    return ExitCode.TOOL_FAILED;
  }
}
