package dev.envdoctor.cli;

import dev.envdoctor.run.ExitCode;
import dev.envdoctor.compare.Comparer;
import dev.envdoctor.compare.Comparison;
import dev.envdoctor.compare.ComparisonView;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.report.Identity;
import dev.envdoctor.report.Redactor;
import dev.envdoctor.report.SavedReport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What differs between two machines, and whether it matters. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "What differs between two machines' reports, and whether it matters.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no difference that a check would fail",
        "1:OTHER fails what BASE passes (a check, a verified device, a usable runtime)",
        "2:a file is missing, unreadable, not JSON or not an envdoctor report"})
public final class CompareCommand extends BaseCommand {

  @Parameters(index = "0", paramLabel = "BASE.json", description = "The reference machine's report.")
  Path base;

  @Parameters(index = "1", paramLabel = "OTHER.json", description = "The report of the machine to compare.")
  Path other;

  @Option(names = "--no-redact", description = "Keep user names, host names, addresses and secrets in the output.")
  boolean noRedact;

  @Override
  public Integer call() {
    Report b = SavedReport.load(base);
    Report o = SavedReport.load(other);
    String baseName = base.toString();
    String otherName = other.toString();
    if (!noRedact) {
      Redactor redactor = new Redactor(Identity.current(root().env()));
      b = redactor.redact(b);
      o = redactor.redact(o);
      baseName = redactor.text(baseName);
      otherName = redactor.text(otherName);
    }
    Comparison c = Comparer.compare(b, o, baseName, otherName);
    var ctx = context(java.util.Set.of());
    if (ctx.json()) {
      ctx.out().println(ReportJson.write(c));
      ctx.out().flush();
    } else {
      ComparisonView.print(c, ctx.console());
    }
    return c.failing() ? ExitCode.CHECK_FAILED : ExitCode.OK;
  }
}
