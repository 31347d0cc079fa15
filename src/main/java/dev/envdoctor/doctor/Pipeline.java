package dev.envdoctor.doctor;

import dev.envdoctor.cli.ExitException;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.StageRun;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs stages in order. A stage that throws is recorded in {@code stages[]} as failed with its
 * error, and the stages after it still run on what is known: one broken part never hides the rest
 * of the diagnosis. Bad input (an {@link ExitException}) stops the run at once.
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

  /** The stages from the first through the one named (inclusive). */
  public Pipeline upTo(String name) {
    List<Stage> head = new ArrayList<>();
    for (Stage s : stages) {
      head.add(s);
      if (s.name().equals(name)) {
        return new Pipeline(head);
      }
    }
    throw new IllegalArgumentException("no stage " + name);
  }

  public Report run(Report start, RunContext ctx) {
    stages.forEach(s -> s.prepare(ctx));
    Report report = start;
    for (Stage stage : stages) {
      long t0 = System.nanoTime();
      String status = "ok";
      String error = null;
      try {
        report = stage.run(report, ctx);
      } catch (ExitException e) {
        throw e;
      } catch (Exception | LinkageError e) {
        LOG.error("stage {} failed", stage.name(), e);
        status = "failed";
        error = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      report = report.plusStage(new StageRun(stage.name(), status, ms, error));
    }
    return report;
  }
}
