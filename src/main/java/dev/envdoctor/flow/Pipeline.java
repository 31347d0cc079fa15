package dev.envdoctor.flow;

import dev.envdoctor.flow.Prefetching;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.flow.Stage;
import dev.envdoctor.calibrate.BurstPlan;
import dev.envdoctor.calibrate.ProjectionPlan;
import dev.envdoctor.calibrate.Turns;
import dev.envdoctor.calibrate.contention.CpuMeter;
import dev.envdoctor.run.ExitCode;
import dev.envdoctor.run.Interrupts;
import dev.envdoctor.run.RunFailure;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.StageRun;
import dev.envdoctor.model.StageStatus;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs, in order, the stages whose phase the context asks for. A stage that throws is recorded in
 * {@code stages[]} as failed with its error, and the stages after it still run on what is known:
 * one broken part never hides the rest of the diagnosis. Bad input (an {@link RunFailure})
 * stops the run at once, and every stage's inputs are validated before the first one runs.
 */
public final class Pipeline {

  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final List<Stage> stages;

  public Pipeline(List<Stage> stages) {
    this.stages = List.copyOf(stages);
  }

  public List<Stage> stages() {
    return stages;
  }

  public Report run(Report start, RunContext ctx) {
    List<Stage> chosen = stages.stream().filter(s -> ctx.runs(s.phase())).toList();
    chosen.forEach(s -> s.prepare(ctx));
    boolean job = ctx.options() != null && ProjectionPlan.burstsJob(ctx.options().workload());
    Turns gate = new Turns(BurstPlan.of(ctx.options() != null && ctx.options().full(), job, ctx.env()),
        CpuMeter.forThisMachine(), System.nanoTime());
    // the status line is the command's: it stays for what follows (race's progress), wiped when the results print
    return runAll(chosen, start, ctx, gate);
  }

  private Report runAll(List<Stage> chosen, Report start, RunContext ctx, Turns gate) {
    Report report = start;
    boolean started = false;
    for (int i = 0; i < chosen.size(); i++) {
      Stage stage = chosen.get(i);
      if (!started && stage instanceof Prefetching) {
        started = true;
        startAll(chosen.subList(i, chosen.size()), report, ctx, gate);
        gate.allRegistered();
      }
      Interrupts.at(stage.name());
      ctx.status().stage(stage.name());
      long t0 = System.nanoTime();
      StageStatus status = StageStatus.OK;
      String error = null;
      try {
        report = stage.run(report, ctx);
      } catch (RunFailure e) {
        if (e.status() != ExitCode.ENVIRONMENT) {
          throw e;
        }
        // the machine refused (a full disk, say): what was found stays, the run says so and exits 4
        status = StageStatus.REFUSED;
        error = e.getMessage();
      } catch (Exception | LinkageError e) {
        LOG.error("stage {} failed", stage.name(), e);
        status = StageStatus.FAILED;
        error = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      report = gate.records().annotate(report).plusStage(new StageRun(stage.name(), status, ms, error));
    }
    return report;
  }

  /** Starts the children of every prefetching stage from here on, in flow order (the gate's order). */
  private static void startAll(List<Stage> rest, Report report, RunContext ctx, Turns gate) {
    for (Stage s : rest) {
      if (s instanceof Prefetching p) {
        try {
          p.start(report, ctx, gate);
        } catch (RuntimeException e) {
          LOG.error("stage {} could not start early; it runs in its turn", s.name(), e);
        }
      }
    }
  }
}
