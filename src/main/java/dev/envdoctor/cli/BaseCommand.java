package dev.envdoctor.cli;

import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.flow.RunContextBuilder;
import dev.envdoctor.run.Interrupts;
import dev.envdoctor.run.StatusLine;
import dev.envdoctor.run.Console;
import dev.envdoctor.run.RunOptions;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import dev.envdoctor.report.LastRun;
import dev.envdoctor.run.AtomicFiles;

/** Shared by every subcommand: output options, and the run context built from the root's services. */
public abstract class BaseCommand implements Callable<Integer> {

  @Spec
  protected CommandSpec spec;

  @Mixin
  protected OutputOptions output = new OutputOptions();

  /** The status line of this run, once {@link #context} made it. */
  private StatusLine status;

  /** The run's options; commands with run options build them from their mixins. */
  protected RunOptions runOptions() {
    return RunOptions.defaults();
  }

  protected EnvdoctorCommand root() {
    return (EnvdoctorCommand) spec.root().userObject();
  }

  /**
   * A rendered document on stdout, or with {@code --out FILE} written there whole (AtomicFiles) and
   * "wrote FILE" on stderr: report --from and fleet report.
   */
  protected void printOrWrite(java.nio.file.Path out, String text) {
    if (out == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
      return;
    }
    AtomicFiles.write(out, text, " (choose another --out FILE)");
    spec.commandLine().getErr().println("wrote " + out);
    spec.commandLine().getErr().flush();
  }

  /** The run context; checks the run options first (a bad --runtime, --backend or --device: exit 2). */
  protected RunContext context(Set<Phase> phases) {
    RunOptions options = runOptions();
    RunOptionValues.check(options);
    EnvdoctorCommand root = root();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean color = Console.colorAllowed(output.noColor, root.env(), root.terminal());
    // in a terminal one live status line; plain lines where a log or a machine reads stderr
    Long lastRun = phases.contains(Phase.REPORT)
        ? LastRun.millis(options.out()).stream().boxed().findFirst().orElse(null) : null;
    StatusLine status = root.terminal() && !output.mode().json() ? StatusLine.live(err, lastRun) : StatusLine.plain(err);
    // the command owns the line: closed after call() (CliFactory), whether or not a pipeline ran
    closeStatus();
    this.status = status;
    if (status.live()) {
      Interrupts.showing(status);
    }
    // what the command prints starts on a clean line: the live line is wiped before each write
    PrintWriter o = status.wipingBefore(out);
    return RunContextBuilder.builder().out(o).err(status.wipingBefore(err)).console(new Console(o, color))
        .runner(root.runner()).clock(root.clock()).env(root.env()).output(output.mode()).options(options)
        .phases(phases).status(status).build();
  }

  /** Wipes and closes this command's status line, if it made one; an event after this is a plain line. */
  void closeStatus() {
    if (status != null) {
      status.close();
      if (status.live()) {
        Interrupts.showing(null);
      }
    }
  }
}
