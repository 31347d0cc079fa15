package dev.envdoctor.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** What differs between two machines, and whether it matters. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "What differs between two machines' reports, and whether it matters.")
public final class CompareCommand extends BaseCommand {

  @Parameters(index = "0", paramLabel = "BASE.json", description = "The reference machine's report.")
  Path base;

  @Parameters(index = "1", paramLabel = "OTHER.json", description = "The report of the machine to compare.")
  Path other;

  @Override
  public Integer call() {
    throw ExitException.toolFailed("compare: not implemented yet (issue #8)");
  }
}
