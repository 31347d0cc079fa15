package dev.envdoctor.cli;

import dev.envdoctor.check.CheckStage;
import dev.envdoctor.check.ProfileWriter;
import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.doctor.Stages;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.report.Redactor;
import dev.envdoctor.report.Renderers;
import dev.envdoctor.run.AtomicFiles;
import dev.envdoctor.run.Console;
import dev.envdoctor.run.ExitCode;
import dev.envdoctor.run.Outcome;
import dev.envdoctor.run.RunFailure;
import dev.envdoctor.run.RunOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import dev.envdoctor.recommend.SavedReports;
import dev.envdoctor.report.ExitReasons;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Evaluate a declarative profile from checks/ or a file.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no check failed (warnings alone, unless --strict)", "1:a check failed",
        "2:bad usage or a bad profile or report file", "3:envdoctor itself failed",
        "4:the machine refused a file (no space, read-only folder, no permission)"})
public final class CheckCommand extends StageCommand {

  @Option(names = "--profile", paramLabel = "NAME|FILE", defaultValue = CheckStage.DEFAULT_PROFILE,
      description = "A profile file, checks/NAME.yaml here, or a bundled profile (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--from", paramLabel = "REPORT.json",
      description = "Evaluate a saved report instead of probing this machine.")
  Path from;

  @Option(names = "--init", paramLabel = "FILE",
      description = "Write a profile that pins this machine's key facts, for a team's reference machine.")
  Path init;

  @Option(names = "--force", description = "With --init: overwrite an existing file.")
  boolean force;

  @Option(names = "--junit", paramLabel = "FILE",
      description = "Also write the results as JUnit XML for a CI system (redacted unless --no-redact).")
  Path junit;

  @Override
  protected Phase phase() {
    return Phase.CHECK;
  }

  /** Probe and verify feed the checks; calibration is slow and no shipped check needs it. */
  @Override
  protected Set<Phase> phases() {
    if (init != null) {
      return from != null ? EnumSet.noneOf(Phase.class) : EnumSet.of(Phase.PROBE, Phase.VERIFY);
    }
    return from != null ? EnumSet.of(Phase.CHECK) : EnumSet.of(Phase.PROBE, Phase.VERIFY, Phase.CHECK);
  }

  @Override
  protected RunOptions runOptions() {
    return run.options(profile);
  }

  @Override
  public Integer call() {
    if (init != null && !force && Files.exists(init)) {
      throw RunFailure.badInput(init + " exists; pass --force to overwrite it");
    }
    Report start = from != null ? readReport(from) : null;
    RunContext ctx = context(phases());
    Report report = Stages.standard().run(start != null ? start : Stages.newReport(ctx), ctx);
    if (init != null) {
      return writeProfile(report, ctx);
    }
    if (junit != null) {
      writeJunit(report, ctx);
    }
    if (ctx.json()) {
      ctx.out().println(ReportJson.write(report));
      ExitReasons.print(report, ctx.options().strict(), ctx.err());
    } else {
      Stages.views().get(Phase.CHECK).print(report, ctx);
      Stages.printFailedStages(report, ctx);
    }
    ctx.out().flush();
    return Outcome.exitCode(report, ctx.options().strict());
  }

  /** A saved report, with its own checks and stages[] dropped: this run's outcome is about this run. */
  private static Report readReport(Path file) {
    return SavedReports.read(file).withoutOutcome();
  }

  private void writeJunit(Report report, RunContext ctx) {
    Report shared = Redactor.forSharing(report, ctx.env(), ctx.options().noRedact());
    String xml = Renderers.byFormat("junit").orElseThrow().render(shared);
    AtomicFiles.write(junit, xml, "");
  }

  private int writeProfile(Report report, RunContext ctx) {
    ProfileWriter.Written w = ProfileWriter.write(report, init.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
    AtomicFiles.write(init, w.yaml(), "");
    if (ctx.json()) {
      ctx.out().println(ReportJson.write(report));
    } else {
      ctx.console().mark(Console.Mark.OK, "wrote " + init + " (" + w.checks() + " checks pinning this machine)");
      ctx.console().detail("check another machine against it: envdoctor check --profile " + init);
    }
    ctx.out().flush();
    return ExitCode.OK;
  }
}
