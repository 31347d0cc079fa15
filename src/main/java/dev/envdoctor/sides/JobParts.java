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

  /** TF32's switches, as the side's Tf32 sets them; torch 2.9 replaced allow_tf32 with fp32_precision. */
  private static final String TF32_FIX = "torch.backends.cuda.matmul.allow_tf32 = True and torch.backends.cudnn.allow_tf32 = True"
      + " (torch 2.9+: torch.backends.cuda.matmul.fp32_precision = 'tf32' and torch.backends.cudnn.conv.fp32_precision = 'tf32')";

  private static final String AMP_FIX =
      "mixed precision: torch.autocast('cuda', dtype=torch.float16) with a torch.amp.GradScaler (Ultralytics: amp=True)";

  /**
   * Where the trainer's setting costs speed against what this side could do (issue #29's findings),
   * the better one timed on the largest point in the same run: more threads on a CPU whose torch uses
   * fewer than it may and DataLoader workers on a CPU step with idle CPUs (a job the user named:
   * each costs seconds on a CPU), TF32 and AMP on CUDA where the trainer trains float32,
   * workers on a GPU's host where it loads in-process. A gain is kept whatever it measured; the views
   * show one of 1.1 or more.
   */
  private List<JobTiming.Better> better(String device, TrainerSettings s, Calibration largest, String source, int cpus)
      throws SideTalk.Gone, InterruptedException {
    List<JobTiming.Better> out = new ArrayList<>();
    if (largest == null || largest.medianMs() == null) {
      return out;
    }
    String point = point(largest, largest.batch());
    String at = largest.workload() + " at " + largest.imgsz() + " px × " + largest.batch();
    boolean python = backend == Backend.PYTHON;
    boolean cpu = device.equals("cpu");
    boolean cudaFp32 = python && device.startsWith("cuda") && s.precision().equals("fp32");
    if (cpu && plan.asTrainer() && s.threads() < cpus) {
      talk.ask(SideCommand.threads(cpus));
      Calibration more = project(device, point, "fp32");
      talk.ask(SideCommand.threads(s.threads()));
      add(out, faster(largest, more, Words.count(s.threads(), "thread"), Words.count(cpus, "thread"), at,
          "torch.set_num_threads(" + cpus + ") after the trainer sets its own (Ultralytics: min(8, CPUs - 1))"));
    }
    if (cpu && python && plan.asTrainer() && s.workers() == 0 && data != null && cpus > s.threads()) {
      // the CPUs the trainer's threads leave idle, at its threads (SideFlow.project set them)
      int w = Math.max(1, Math.min(8, cpus - s.threads()));
      add(out, withWorkers(device, point, w, source, s.precision(), at, "DataLoader(..., num_workers=" + w
          + ") in a plain PyTorch loop; Ultralytics sets workers=0 on a CPU itself (engine/trainer.py), so there it needs"
          + " a patched trainer"));
    }
    if (cudaFp32) {
      // fp32 is torch's defaults: TF32 matmuls off, cuDNN's TF32 convolutions on, so a conv-heavy net
      // gains mainly in its matmuls; a GPU without TF32 (before Ampere) measures about 1.0, claimed nowhere
      add(out, faster(largest, project(device, point, "tf32"), "fp32 (TF32 off)", "tf32", at, TF32_FIX));
      add(out, faster(largest, project(device, point, "amp"), "fp32", "amp", at, AMP_FIX));
    }
    if (!cpu && python && s.workers() == 0 && data != null && cpus > 1) {
      int w = Math.min(8, cpus);
      add(out, withWorkers(device, point, w, source, s.precision(), at,
          "DataLoader(..., num_workers=" + w + ", pin_memory=True) (Ultralytics: workers=" + w + ")"));
    }
    return out;
  }

  private Calibration project(String device, String point, String precision) throws SideTalk.Gone, InterruptedException {
    return talk.ask(SideCommand.project(device, point, precision)).calibration();
  }

  private static void add(List<JobTiming.Better> out, JobTiming.Better b) {
    if (b != null) {
      out.add(b);
    }
  }

  /** The trainer's step against {@code other}'s, the same point in another setting; null where that failed. */
  private static JobTiming.Better faster(Calibration trainers, Calibration other, String setting, String better, String at,
      String fix) {
    return other == null || other.medianMs() == null || other.diagnosis() != null ? null
        : new JobTiming.Better(setting, better, trainers.medianMs() / other.medianMs(), at, fix);
  }

  /** Two real loops at {@code point}, workers 0 and {@code w}; null where either brought no timing. */
  private JobTiming.Better withWorkers(String device, String point, int w, String source, String precision, String at,
      String fix) throws SideTalk.Gone, InterruptedException {
    JobTiming.Loop in = loop(talk.ask(SideCommand.loop(device, point, 0, source, precision)).loop());
    JobTiming.Loop with = loop(talk.ask(SideCommand.loop(device, point, w, source, precision)).loop());
    return in == null || with == null ? null
        : new JobTiming.Better("workers 0", Words.count(w, "worker"), in.loopMs() / with.loopMs(), at, fix);
  }

  /**
   * The input pipeline alone, for a side that times no points (a container's Python: its rows are
   * native's step × this side's over native's), in the trainer's {@code settings} as this side sees its
   * CPUs: what that image's Python decodes with and how fast, on synthetic JPEGs of the job's source size
   * (the user's folder is not mounted into a container).
   */
  JobTiming pipelineOnly(TrainerSettings settings) throws SideTalk.Gone, InterruptedException {
    Workload w = plan.job();
    SideAnswer a = talk.ask(SideCommand.pipeline(w.pipelineSource(), w.imgsz(), PIPELINE_IMAGES));
    JobTiming.Data d = data(a.pipeline());
    List<String> not = new ArrayList<>();
    JobTimingBuilder b = JobTimingBuilder.builder().backend(backend).device("cpu").data(d).settings(settings);
    if (d == null) {
      not.add("input pipeline: " + why(a));
    }
    if (w.data() != null) {
      not.add("your --data folder: read natively only (it is not mounted into a container); synthetic JPEGs of "
          + w.pipelineSource() + " here");
    }
    not.add("the step, validation: this side's rows take native's × this side's step over native's, with this pipeline");
    return b.notMeasured(not).build();
  }

  /** The user's folder where they gave one, else synthetic JPEGs of the job's source size. */
  static String source(Workload w) {
    return w.data() != null ? SideCommand.dataSource(Path.of(w.data())) : w.pipelineSource();
  }
}
