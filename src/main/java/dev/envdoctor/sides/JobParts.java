package dev.envdoctor.sides;

import dev.envdoctor.calibrate.ProjectionPoint;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.JobTiming;
import dev.envdoctor.model.JobTimingBuilder;
import dev.envdoctor.model.Recommendation.Workload;
import dev.envdoctor.model.TrainerSettings;
import dev.envdoctor.protocol.LoopTiming;
import dev.envdoctor.protocol.PipelineTiming;
import dev.envdoctor.protocol.SideAnswer;
import dev.envdoctor.protocol.SideCommand;
import dev.envdoctor.protocol.ValidationTiming;
import dev.envdoctor.run.Words;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The job's parts beyond its training step on one device of a side (issue #29), asked after the
 * projection's points in the trainer's settings: the input pipeline (once per side: it is the CPU's
 * work whatever the device), a validation forward at batch × 2 at the largest point timed, and, where
 * DataLoader workers share the CPUs with a CPU step, a short real loop of both. A side without a
 * Python (DJL) times none of them and says so.
 */
final class JobParts {

  /** Training images the pipeline makes, after one untimed. */
  static final int PIPELINE_IMAGES = 8;

  private final SideTalk talk;
  private final SidePlan plan;
  private final Backend backend;

  JobParts(SideTalk talk, SidePlan plan, Backend backend) {
    this.talk = talk;
    this.plan = plan;
    this.backend = backend;
  }

  /** The pipeline's answer, kept for the side's other devices. */
  private JobTiming.Data data;
  private String dataWhy;

  /**
   * The parts on {@code device}, {@code timed} the points timed there, smallest first. Validation's
   * forward-over-step ratio is timed at the smallest point on a CPU (a forward at batch × 2 costs
   * about two thirds of a step, so the largest point's would add the most time) and at the largest on
   * a GPU (a small point is launch-bound there); the step with its workers at the largest, the one
   * nearest the job. {@code cpus}: the CPUs the side may use (its threads answer).
   */
  JobTiming time(String device, TrainerSettings settings, List<Calibration> timed, int cpus)
      throws SideTalk.Gone, InterruptedException {
    Calibration largest = timed.isEmpty() ? null : timed.get(timed.size() - 1);
    Calibration forVal = timed.isEmpty() ? null : device.equals("cpu") ? timed.get(0) : largest;
    JobTimingBuilder b = JobTimingBuilder.builder().backend(backend).device(device).settings(settings);
    List<String> not = new ArrayList<>();
    if (!plan.jobParts()) {
      not.add("input pipeline and validation: not timed on a " + backend + " side (no Python there); the step alone");
      return b.notMeasured(not).build();
    }
    Workload w = plan.job();
    String source = source(w);
    if (data == null && dataWhy == null) {
      SideAnswer a = talk.ask(SideCommand.pipeline(source, w.imgsz(), PIPELINE_IMAGES));
      data = data(a.pipeline());
      dataWhy = data == null ? why(a) : null;
    }
    if (data != null) {
      b.data(data);
    } else {
      not.add("input pipeline: " + dataWhy);
    }
    if (largest == null || largest.imgsz() == null || largest.batch() == null) {
      not.add("validation: no point of the job's network was timed on " + device);
      return b.notMeasured(not).build();
    }
    SideAnswer v = talk.ask(SideCommand.validate(device, point(forVal, 2 * forVal.batch()), settings.precision()));
    ValidationTiming vt = v.validation();
    if (vt != null && vt.medianMs() != null) {
      b.validation(new JobTiming.Validation(forVal.imgsz(), 2 * forVal.batch(), settings.precision(), vt.medianMs(),
          forVal.batch(), forVal.medianMs()));
    } else {
      not.add("validation: " + why(v));
    }
    if (device.equals("cpu") && settings.workers() > 0 && data != null) {
      SideAnswer l = talk.ask(SideCommand.loop(device, point(largest, largest.batch()), settings.workers(), source,
          settings.precision()));
      JobTiming.Loop loop = loop(l.loop());
      if (loop != null) {
        b.loop(loop);
      } else {
        not.add("the step with its " + Words.count(settings.workers(), "worker") + " together: " + why(l));
      }
    }
    b.better(better(device, settings, largest, source, cpus));
    return b.notMeasured(not).build();
  }

  /** A point's network at its size and {@code batch}, as the commands write it: {@code yolov8n@320x16}. */
  private static String point(Calibration c, int batch) {
    return new ProjectionPoint(c.workload(), c.imgsz(), batch).toString();
  }

  /** Why a command brought no figure: the side's diagnosis, or that it gave none. */
  private static String why(SideAnswer a) {
    return a.diagnosis() != null ? a.diagnosis() : "the side gave no timing";
  }

  private static JobTiming.Data data(PipelineTiming p) {
    return p == null || p.secondsPerImage() == null ? null
        : new JobTiming.Data(p.secondsPerImage(), p.images(), p.library(), p.sourceSize(), p.imgsz(), p.skipped());
  }

  private static JobTiming.Loop loop(LoopTiming lt) {
    return lt == null || lt.medianMs() == null ? null
        : new JobTiming.Loop(lt.imgsz(), lt.batch(), lt.workers(), lt.medianMs(), lt.stepMs(), lt.dataWaitMs(), lt.steps());
  }

  /**
   * Where the trainer's setting costs speed against what this side could do (issue #29's findings),
   * the better one timed on the largest point in the same run: more threads on a CPU whose torch uses
   * fewer than it may (a job the user named, or --full: a CPU point at more threads costs seconds),
   * AMP on CUDA where the trainer trains float32, workers on a GPU's host where it loads in-process.
   */
  private List<JobTiming.Better> better(String device, TrainerSettings s, Calibration largest, String source, int cpus)
      throws SideTalk.Gone, InterruptedException {
    List<JobTiming.Better> out = new ArrayList<>();
    if (largest == null || largest.medianMs() == null) {
      return out;
    }
    String point = point(largest, largest.batch());
    String at = largest.workload() + " at " + largest.imgsz() + " px × " + largest.batch();
    if (device.equals("cpu") && plan.asTrainer() && s.threads() < cpus) {
      talk.ask(SideCommand.threads(cpus));
      Calibration more = talk.ask(SideCommand.project(device, point, "fp32")).calibration();
      talk.ask(SideCommand.threads(s.threads()));
      if (more != null && more.medianMs() != null && more.diagnosis() == null) {
        out.add(new JobTiming.Better(Words.count(s.threads(), "thread"), Words.count(cpus, "thread"),
            largest.medianMs() / more.medianMs(), at,
            "torch.set_num_threads(" + cpus + ") after the trainer sets its own (Ultralytics: min(8, CPUs - 1))"));
      }
    }
    if (device.startsWith("cuda") && s.precision().equals("fp32") && backend == Backend.PYTHON) {
      Calibration amp = talk.ask(SideCommand.project(device, point, "amp")).calibration();
      if (amp != null && amp.medianMs() != null && amp.diagnosis() == null) {
        out.add(new JobTiming.Better("fp32", "amp", largest.medianMs() / amp.medianMs(), at,
            "mixed precision: torch.autocast('cuda', dtype=torch.float16) with a torch.amp.GradScaler (Ultralytics: amp=True)"));
      }
    }
    if (!device.equals("cpu") && s.workers() == 0 && data != null && cpus > 1 && backend == Backend.PYTHON) {
      int w = Math.min(8, cpus);
      JobTiming.Loop in = loop(talk.ask(SideCommand.loop(device, point, 0, source, s.precision())).loop());
      JobTiming.Loop with = loop(talk.ask(SideCommand.loop(device, point, w, source, s.precision())).loop());
      if (in != null && with != null) {
        out.add(new JobTiming.Better("workers 0", w + " workers", in.loopMs() / with.loopMs(), at,
            "DataLoader(..., num_workers=" + w + ", pin_memory=True) (Ultralytics: workers=" + w + ")"));
      }
    }
    return out;
  }

  /**
   * The input pipeline alone, for a side that times no points (a container's Python: its rows are
   * native's × the verdict's paired ratio): what that image's Python decodes with and how fast, on
   * synthetic JPEGs of the job's source size (the user's folder is not mounted into a container).
   */
  JobTiming pipelineOnly() throws SideTalk.Gone, InterruptedException {
    Workload w = plan.job();
    SideAnswer a = talk.ask(SideCommand.pipeline(w.pipelineSource(), w.imgsz(), PIPELINE_IMAGES));
    JobTiming.Data d = data(a.pipeline());
    List<String> not = new ArrayList<>();
    JobTimingBuilder b = JobTimingBuilder.builder().backend(backend).device("cpu").data(d);
    if (d == null) {
      not.add("input pipeline: " + why(a));
    }
    if (w.data() != null) {
      not.add("your --data folder: read natively only (it is not mounted into a container); synthetic JPEGs of "
          + w.pipelineSource() + " here");
    }
    not.add("the step, validation: this side's rows are native's × the verdict's paired ratio");
    return b.notMeasured(not).build();
  }

  /** The user's folder where they gave one, else synthetic JPEGs of the job's source size. */
  static String source(Workload w) {
    return w.data() != null ? SideCommand.dataSource(Path.of(w.data())) : w.pipelineSource();
  }
}
