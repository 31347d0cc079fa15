package dev.envdoctor.recommend;

import dev.envdoctor.model.JobTiming;
import dev.envdoctor.model.Recommendation.Projection.Parts;
import dev.envdoctor.model.Recommendation.Workload;
import dev.envdoctor.model.TrainerSettings;
import dev.envdoctor.run.Words;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of the whole job on one side, put together from its measured parts (issue #29). Pure.
 *
 * <ul>
 *   <li>workers 0 (the trainer loads its own data, as Ultralytics on cpu and mps): the step and its
 *       batch of images, one after the other;
 *   <li>workers on a GPU's host: they make batches while the GPU steps, so a step costs the slower of
 *       the two (the workers' batch time is one process's time over the workers);
 *   <li>workers on the CPUs of a CPU step: they take CPU from it, so the slower of the two is scaled by
 *       what a short real loop of both together measured against that at the same size.
 * </ul>
 * Validation adds a forward pass over the validation share each epoch, per image the training
 * step's cost × the forward-over-step ratio measured at the largest point.
 */
final class JobStep {

  private JobStep() {}

  /**
   * @param stepMs the training step at the job's size and batch, in the trainer's settings
   * @param w the job
   * @param job the side's other parts, or null where it timed none
   */
  static Parts compose(double stepMs, Workload w, JobTiming job) {
    int batch = w.batch();
    List<String> measured = new ArrayList<>(List.of("the training step"));
    List<String> not = new ArrayList<>();
    TrainerSettings s = job == null ? null : job.settings();
    int workers = s == null ? 0 : s.workers();
    Double dataMs = job == null || job.data() == null ? null : job.data().secondsPerImage() * 1000 * batch;
    double jobStep;
    String bound;
    String words;
    if (dataMs == null) {
      jobStep = stepMs;
      bound = "step-only";
      words = "the training step alone: the input pipeline was not timed here";
      not.add("the input pipeline");
    } else if (workers == 0) {
      measured.add("the input pipeline");
      jobStep = stepMs + dataMs;
      bound = "serial";
      words = "data loading serial with the step: " + Format.number(100 * dataMs / jobStep, 0) + "% of each step";
    } else {
      measured.add("the input pipeline");
      double perBatch = dataMs / workers;
      double slower = Math.max(stepMs, perBatch);
      boolean cpu = "cpu".equals(job.device());
      if (cpu && job.loop() != null && job.loop().loopMs() != null) {
        measured.add("the step with its workers together");
        double at = job.data().secondsPerImage() * 1000 * job.loop().batch() / workers;
        double factor = job.loop().loopMs() / Math.max(job.loop().stepMs(), at);
        jobStep = slower * factor;
        bound = "shared";
        words = Words.count(workers, "worker") + " share the CPUs with the step: together "
            + Format.number(factor, 2) + "× the slower of the two alone";
      } else {
        if (cpu) {
          not.add("the step with its workers together (their share of the CPUs)");
        }
        jobStep = slower;
        if (perBatch > stepMs) {
          bound = "input-bound";
          words = "input-bound: the " + (cpu ? "CPU step" : "GPU") + " waits about " + Format.number(100 * (perBatch - stepMs) / perBatch, 0)
              + "% of each step for its " + Words.count(workers, "worker");
        } else {
          bound = "compute-bound";
          words = "compute-bound: " + Words.count(workers, "worker") + " make a batch in "
              + Format.number(100 * perBatch / stepMs, 0) + "% of a step";
        }
      }
    }
    Double ratio = job == null || job.validation() == null ? null : job.validation().perImageRatio();
    long valImages = w.validationImages();
    Double valSeconds = null;
    if (ratio != null) {
      measured.add("validation");
      valSeconds = valImages * (stepMs / 1000 / batch) * ratio;
    } else if (valImages > 0) {
      not.add("validation");
    }
    not.add("checkpoints");
    return new Parts(stepMs, dataMs, workers, jobStep, bound, words, valSeconds, valImages, measured, not);
  }

  /** Hours of the job: epochs × (⌈images ÷ batch⌉ × the job's step + the validation pass). */
  static double hours(Workload w, Parts p) {
    double steps = Math.ceil((double) w.images() / w.batch());
    double perEpoch = steps * p.jobStepMs() / 1000 + (p.validationSeconds() == null ? 0 : p.validationSeconds());
    return w.epochs() * perEpoch / 3600;
  }
}
