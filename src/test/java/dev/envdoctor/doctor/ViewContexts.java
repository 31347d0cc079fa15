package dev.envdoctor.doctor;

import dev.envdoctor.cli.Console;
import dev.envdoctor.cli.OutputOptions;
import dev.envdoctor.cli.RunOptions;
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
    PrintWriter w = new PrintWriter(out, true);
    OutputOptions output = new OutputOptions();
    output.verbose = verbose;
    RunOptions options = new RunOptions();
    options.out = Path.of(System.getProperty("java.io.tmpdir"), "envdoctor-view-test-" + System.nanoTime());
    ctx = new RunContext(w, new PrintWriter(new StringWriter(), true), new Console(w, false), new ProcessRunner(),
        Clock.systemUTC(), Map.of(), output, options, EnumSet.allOf(Phase.class));
  }

  public String text() {
    return out.toString();
  }
}
