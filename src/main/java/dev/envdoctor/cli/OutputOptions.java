package dev.envdoctor.cli;

import dev.envdoctor.run.OutputMode;
import picocli.CommandLine.Option;

/** How every command prints: JSON or console, colour, verbosity. */
public final class OutputOptions {

  @Option(names = "--json", description = "Print the report model as JSON on stdout, nothing else there.")
  public boolean json;

  @Option(names = "--no-color", description = "No colours (also when NO_COLOR is set or stdout is not a terminal).")
  public boolean noColor;

  @Option(names = {"-v", "--verbose"}, description = "More detail: the commands run, every figure.")
  public boolean verbose;

  public OutputMode mode() {
    return new OutputMode(json, verbose);
  }
}
