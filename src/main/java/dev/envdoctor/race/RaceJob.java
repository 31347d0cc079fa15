package dev.envdoctor.race;

import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.model.Race;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.model.RuntimeStatus;
import dev.envdoctor.report.Redactor;
import dev.envdoctor.report.ReportFiles;
import dev.envdoctor.run.Interrupts;
import dev.envdoctor.run.RunFailure;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.function.Function;
import dev.envdoctor.run.AtomicFiles;

/**
 * {@code envdoctor race} below the command line: probe this machine and its engines (the report's
 * facts), check the image, race, and write the report beside the command's own output.
 */
public final class RaceJob {

  public static final String PREFIX = "envdoctor-race-";

  private RaceJob() {}

  /**
   * The report with its race; its files are written under {@code out} (redacted unless noRedact).
   * {@code probe} gathers the facts in a context of the probe phase alone (the wiring's stages).
   */
  public static Report run(RunContext ctx, RaceOptions o, Path out, boolean noRedact, Function<RunContext, Report> probe) {
    Racer.validate(o);
    Report facts = probe.apply(ctx.withPhases(EnumSet.of(Phase.PROBE)));
    RuntimeInfo runtime = facts.runtimes().stream().filter(r -> r.name().equals(o.runtime())).findFirst()
        .orElseThrow(() -> RunFailure.badInput("race: unknown --runtime " + o.runtime() + ": use docker, podman or nerdctl"));
    if (runtime.status() != RuntimeStatus.OK) {
      throw RunFailure.badEnvironment("race: " + o.runtime() + " is not usable here: " + runtime.diagnosis()
          + (runtime.fix() == null ? "" : "; fix: " + runtime.fix()));
    }
    ReportFiles files = ReportFiles.named(out, PREFIX, facts.createdAt());
    Path log = out.resolve(PREFIX + ReportFiles.stamp(facts.createdAt()) + ".log");
    Interrupts.at("the race");
    Race race;
    try {
      Files.createDirectories(out);
      try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
        race = new Racer(ctx.runner(), ctx.env(), ctx::progress, System.nanoTime()).race(o, runtime, w, log.toString());
      }
    } catch (IOException e) {
      throw AtomicFiles.refused(out, e, ", or choose another folder with --out DIR");
    }
    Report report = facts.withRace(race);
    files.write(Redactor.forSharing(report, ctx.env(), noRedact));
    return report;
  }
}
