package dev.envdoctor.doctor;

import dev.envdoctor.cli.Console;
import dev.envdoctor.cli.OutputOptions;
import dev.envdoctor.cli.RunOptions;
import dev.envdoctor.exec.CommandRunner;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

/**
 * Everything a stage may touch besides the report: where to print, the one command runner, the
 * clock, the environment variables and the options. No stage reads System.getenv or prints to
 * System.out directly, so tests drive stages with their own context.
 */
public record RunContext(
    PrintWriter out,
    PrintWriter err,
    Console console,
    CommandRunner runner,
    Clock clock,
    Map<String, String> env,
    OutputOptions output,
    RunOptions options) {

  public boolean json() {
    return output.json;
  }

  public boolean verbose() {
    return output.verbose;
  }

  /** Progress and notes for a person: stderr, and only when stdout is not JSON for a machine. */
  public void progress(String text) {
    if (!output.json) {
      err.println(text);
      err.flush();
    }
  }
}
