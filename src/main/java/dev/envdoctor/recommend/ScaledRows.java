package dev.envdoctor.recommend;

import dev.envdoctor.calibrate.ProjectionPlan;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.JobTiming;
import dev.envdoctor.model.JobTimingBuilder;
import dev.envdoctor.model.Recommendation.Projection;
import dev.envdoctor.model.Recommendation.Projection.Parts;
import dev.envdoctor.model.Recommendation.Workload;
import dev.envdoctor.model.RecommendationProjectionBuilder;
import dev.envdoctor.model.TrainerSettings;
import dev.envdoctor.run.Words;
import java.util.ArrayList;
import java.util.List;

/**
 * The projection rows that stand on another side's row × a ratio (Projections): a container's row on
 * native's, × their paired ratio where they took turns, else × its own step over native's, timed apart
 * and said so; its parts and settings follow, and a container's Python puts its own input pipeline in
 * (issue #29).
 */
final class ScaledRows {

  private ScaledRows() {}

  /**
   * {@code base} (ref's row) for calibration c: × their paired ratio where the two took turns, its
   * interval joining base's range, else × c's own step over ref's (outside the pairs, and said so).
   */
  static Projection scaled(Projection base, Calibration c, Calibration ref, List<Calibration> all) {
    var pair = Paired.of(ref, c);
    String from = ref.runtime() + " " + ref.backend() + "'s projection";
    if (pair.isPresent()) {
      var r = pair.get();
      var r80 = r.at(Ranges.CONFIDENCE);
      double[] range = Ranges.join(base, r.hasInterval() ? Math.log(r.ratio() / r80.low()) : 0,
          r.hasInterval() ? Math.log(r80.high() / r.ratio()) : 0);
      double hours = base.hours() * r.ratio();
      return RecommendationProjectionBuilder.builder().runtime(c.runtime()).backend(c.backend()).device(c.device())
          .hours(hours).hoursLow(range == null ? null : hours * range[0])
          .hoursHigh(range == null ? null : hours * range[1]).method(Projection.PAIRED)
          .settings(settingsOf(base.settings(), c)).parts(times(base.parts(), r.ratio()))
          .secondsPerImage(base.secondsPerImage() * r.ratio())
          .basis(from + " × " + Format.number(r.ratio(), 2) + " (" + ref.runtime() + " " + ref.backend()
              + "'s speed over this side's, paired over " + r.pairs() + " interleaved bursts"
              + Format.ci95(r.estimate()) + ", as the verdict reads them); " + ref.runtime() + " " + ref.backend()
              + ": " + base.basis())
          .pairedRatio(r.ratio()).build();
    }
    double slower = Projections.slower(c, ref, all);
    return RecommendationProjectionBuilder.builder().runtime(c.runtime()).backend(c.backend()).device(c.device())
        .hours(base.hours() * slower).hoursLow(times(base.hoursLow(), slower))
        .hoursHigh(times(base.hoursHigh(), slower)).method(Projection.CALIBRATED_SCALED)
        .settings(settingsOf(base.settings(), c)).parts(times(base.parts(), slower))
        .secondsPerImage(base.secondsPerImage() * slower)
        .basis(from + " × " + Format.number(slower, 2) + " (this " + c.backend() + " " + c.workload() + " step over "
            + ref.runtime() + " " + ref.backend() + "'s, timed apart: outside the verdict's pairs); " + ref.runtime()
            + " " + ref.backend() + ": " + base.basis())
        .build();
  }

  /**
   * A container row that stands on native's, where that container's Python timed its own input
   * pipeline (--container-python): its training step is native's × the row's ratio (paired, or timed
   * apart), and its job's step puts that together with the container's own pipeline in the trainer's
   * settings as the container sees its CPUs (native's where it said none), in place of native's
   * pipeline scaled by the step's ratio (issue #29: the pipeline differs between sides, the image's
   * Python decoding with what it has), and native's validation ({@code natives}, its forward-over-step
   * ratio on the scaled step). The range keeps the scaled row's width. Unchanged where the container
   * timed no pipeline (a DJL side) or native timed no parts.
   */
  static Projection withOwnPipeline(Projection row, Projection base, Workload w, JobTiming own, JobTiming natives) {
    Double ratio = row.pairedRatio() != null ? row.pairedRatio()
        : row.secondsPerImage() != null && base.secondsPerImage() != null && base.secondsPerImage() > 0
            ? row.secondsPerImage() / base.secondsPerImage() : null;
    if (own == null || own.data() == null || base.parts() == null || base.parts().stepMs() == null
        || base.settings() == null || ratio == null) {
      return row;
    }
    JobTiming asTimed = JobTimingBuilder.builder(own).settings(own.settings() != null ? own.settings() : base.settings())
        .validation(natives == null ? null : natives.validation()).loop(null).build();
    double stepMs = base.parts().stepMs() * ratio;
    Parts parts = JobStep.compose(stepMs, w, asTimed);
    double hours = Projections.hours(w, stepMs, parts);
    double f = hours / row.hours();
    return RecommendationProjectionBuilder.builder(row).hours(hours).hoursLow(times(row.hoursLow(), f))
        .hoursHigh(times(row.hoursHigh(), f)).parts(parts).settings(asTimed.settings()).secondsPerImage(parts.jobStepMs() / 1000 / w.batch())
        .basis(row.basis() + "; its own input pipeline (" + own.data().library() + ", "
            + Format.number(own.data().secondsPerImage() * 1000, 0) + " ms per image in this image's Python) in place of "
            + "native's: the job's step " + Format.number(parts.jobStepMs(), 0) + " ms, " + parts.boundWords())
        .build();
  }

  static Double times(Double v, double f) {
    return v == null ? null : v * f;
  }

  /** {@code base}'s parts with every time × f: a row that is base's × a ratio keeps its parts' shape. */
  private static Parts times(Parts p, double f) {
    return p == null ? null : new Parts(times(p.stepMs(), f), times(p.dataMs(), f), p.workers(), times(p.jobStepMs(), f),
        p.bound(), p.boundWords(), times(p.validationSeconds(), f), p.validationImages(), p.measured(), p.notMeasured());
  }

  /**
   * The settings of a row that stands on {@code base}'s: base's, with the threads and precision of this
   * side's own job step where it timed one (the trainer's as this side sees its CPUs, issue #29).
   */
  static TrainerSettings settingsOf(TrainerSettings base, Calibration c) {
    if (base == null || !ProjectionPlan.isJobStep(c.workload()) || c.threads() == null
        || (c.threads() == base.threads() && (c.precision() == null || c.precision().equals(base.precision())))) {
      return base;
    }
    List<String> why = new ArrayList<>(base.why());
    why.add("this side's own job step ran at " + Words.count(c.threads(), "thread")
        + (c.precision() == null ? "" : ", " + c.precision()) + ", its trainer's as it sees its CPUs");
    return new TrainerSettings(base.trainer(), c.threads(), base.workers(), c.precision() == null ? base.precision() : c.precision(),
        base.pinMemory(), why);
  }
}
