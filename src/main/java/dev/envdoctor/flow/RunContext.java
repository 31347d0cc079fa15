package dev.envdoctor.flow;

import dev.envdoctor.flow.Phase;
import dev.envdoctor.exec.CommandRunner;
import dev.envdoctor.run.Console;
import dev.envdoctor.run.OutputMode;
import dev.envdoctor.run.RunOptions;
import dev.envdoctor.run.StatusLine;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Everything a stage may touch besides the report: where to print, the one command runner, the
 * clock, the environment variables, the options and the phases this command runs. No stage reads
 * System.getenv or prints to System.out directly, so tests drive stages with their own context.
 */
@RecordBuilder
public record RunContext(
    PrintWriter out,
    PrintWriter err,
    Console console,
    CommandRunner runner,
    Clock clock,
    Map<String, String> env,
    OutputMode output,
    RunOptions options,
    Set<Phase> phases,
    StatusLine status) {

  public RunContext {
    env = Map.copyOf(env);
    phases = Set.copyOf(phases);
    status = status != null ? status : StatusLine.plain(err);
  }

  /** A context whose progress is plain lines on {@code err}. */
  public RunContext(PrintWriter out, PrintWriter err, Console console, CommandRunner runner, Clock clock,
      Map<String, String> env, OutputMode output, RunOptions options, Set<Phase> phases) {
    this(out, err, console, runner, clock, env, output, options, phases, null);
  }

  public RunContext withPhases(Set<Phase> p) {
    return RunContextBuilder.builder(this).phases(p).build();
  }

  public boolean runs(Phase phase) {
    return phases.contains(phase);
  }

  public boolean json() {
    return output.json();
  }

  public boolean verbose() {
    return output.verbose();
  }

  /** Progress and notes for a person: stderr, and only when stdout is not JSON for a machine. */
  public void progress(String text) {
    if (!output.json()) {
      status.show(text);
    }
  }
}
