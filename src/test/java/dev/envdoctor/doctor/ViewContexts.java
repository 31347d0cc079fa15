package dev.envdoctor.doctor;

import dev.envdoctor.flow.RunContext;
import dev.envdoctor.flow.Phase;
import dev.envdoctor.run.Console;
import dev.envdoctor.run.OutputMode;
import dev.envdoctor.run.RunOptions;
import dev.envdoctor.exec.ProcessRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;

/** A run context that prints into a string, without colour, as a pipe would get it. */
public final class ViewContexts {

  public final StringWriter out = new StringWriter();
  public final RunContext ctx;

  public ViewContexts(boolean verbose) {
    this(verbose, Path.of(System.getProperty("java.io.tmpdir"), "envdoctor-view-test-" + System.nanoTime()));
  }

  /** @param reports the run's --out folder */
  public ViewContexts(boolean verbose, Path reports) {
    PrintWriter w = new PrintWriter(out, true);
    OutputMode output = new OutputMode(false, verbose);
    RunOptions options = RunOptions.defaults().withOut(reports, false);
    ctx = new RunContext(w, new PrintWriter(new StringWriter(), true), new Console(w, false), new ProcessRunner(),
        Clock.systemUTC(), Map.of(), output, options, EnumSet.allOf(Phase.class));
  }

  public String text() {
    return out.toString();
  }
}
