package dev.envdoctor.sides;

import dev.envdoctor.calibrate.BurstPlan;
import dev.envdoctor.calibrate.ProjectionPlan;
import dev.envdoctor.calibrate.ProjectionPoint;
import dev.envdoctor.calibrate.Turns;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.CalibrationBuilder;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Recommendation.Workload;
import dev.envdoctor.model.TrainerSettings;
import dev.envdoctor.protocol.BurstLine;
import dev.envdoctor.protocol.SideAnswer;
import dev.envdoctor.protocol.SideCommand;
import dev.envdoctor.protocol.ThreadFacts;
import dev.envdoctor.protocol.WorkerOutput;
import java.util.Comparator;
import java.util.List;

/**
 * The parent's flow for one side, the same for every executor (docs/side-protocol.md): greet,
 * verify each offered device, wait for the side's turn, calibrate, burst while the turns say go,
 * project in a turn of its own, time the peaks, end. What the side answered is kept as it comes,
 * so a side that dies keeps every result it finished; the command in flight then names what it
 * was doing.
 */
final class SideFlow extends SideTalk {

  private final SidePlan plan;
  private final Answers answers;
  private volatile boolean ended;
  /** The side's threads and CPUs, once asked. */
  private ThreadFacts facts;
  private final JobParts parts;

  SideFlow(SideCall call) {
    super(call);
    this.answers = new Answers(call);
    this.plan = call.plan();
    this.parts = new JobParts(this, plan, call.backend());
  }

  @Override
  void talk() throws Gone, InterruptedException {
    progress("engine");
    answers.hello = greeting();
    if (!WorkerOutput.PROTOCOL.equals(answers.hello.protocol()) || !SideAnswer.HELLO.equals(answers.hello.answer())) {
      answers.hello = null; // another protocol: the runner says which build to rebuild
      throw new Gone();
    }
    if (answers.hello.diagnosis() == null) {
      measure();
    }
    ask(SideCommand.end());
    ended = true;
    progress("done");
  }

  private void measure() throws Gone, InterruptedException {
    List<String> offered = answers.hello.devices() == null ? List.of() : answers.hello.devices();
    for (String name : offered) {
      SideAnswer a = ask(SideCommand.verify(name));
      answers.devices.add(a.device() != null ? a.device() : answers.unverified(name, a.diagnosis()));
    }
    List<String> verified = answers.devices.stream().filter(d -> Boolean.TRUE.equals(d.verified())).map(DeviceResult::device).toList();
    if (!plan.calibrate() || verified.isEmpty()) {
      return;
    }
    turn(null);
    boolean bursting = call.turns() != null && plan.burstSeconds() > 0;
    for (String d : verified) {
      for (String w : plan.workloads()) {
        SideAnswer a = ask(SideCommand.calibrate(d, w));
        answers.calibrations.add(a.calibration() != null ? a.calibration() : answers.failed(d, w, a.diagnosis()));
      }
      if (d.equals("cpu") && plan.threadTrial() && plan.workloads().contains("cnn")) {
        timeAtTorchsDefaultThreads();
      }
      if (!bursting) {
        project(d);
      }
    }
    if (bursting) {
      // the projection's networks after the bursts, in a turn of their own: a process that has
      // trained YOLOv8m first ran the cnn bursts 9-18% slower than a fresh one
      if (bursts() && plan.projects()) {
        turn(null);
      }
      for (String d : verified) {
        project(d);
      }
    }
    if (!bursting) {
      // a side outside the turns (a container's Python): a named job's step in its trainer's settings all
      // the same, once, so that the verdict's workload is common to every side (timed apart, and said so)
      Calibration best = pick(answers.calibrations);
      ProjectionPoint point = best == null || plan.job() == null ? null : ProjectionPlan.burstPoint(plan.job(), best.device());
      if (point != null) {
        JobStep step = jobStep(best.device(), point);
        if (step.restore() != null) {
          ask(SideCommand.threads(step.restore()));
        }
      }
    }
    if (plan.job() != null && plan.jobParts() && !plan.projects()) {
      // a side without the projection's points (a container's Python): its input pipeline alone
      answers.jobs.add(parts.pipelineOnly(settings("cpu")));
    }
    if (plan.peaks()) {
      for (String d : verified) {
        if (!d.equals("cpu") || plan.peakCpu()) {
          SideAnswer a = ask(SideCommand.peak(d));
          answers.peaks.addAll(a.peaks() == null ? List.of() : a.peaks());
        }
      }
    }
  }

  /**
   * The side's threads; where torch's own default is below them, the cnn step at that default too,
   * in the same turn, then the threads put back (what follows is timed as before).
   */
  private void timeAtTorchsDefaultThreads() throws Gone, InterruptedException {
    ThreadFacts f = ask(SideCommand.threads(0)).threads();
    facts = f;
    if (!ThreadTrial.belowInEffect(f)) {
      answers.threadTrial = new ThreadTrial(f, null, null);
      return;
    }
    // a detection step, not the cnn: the cnn's small convolutions gained 1.1-1.7x from a second thread
    // here and fell below the finding's 1.1 in some runs, YOLOv8n at 64 px x 2 about 1.7x (96 px x 4: 3.5x)
    ask(SideCommand.threads(f.defaultThreads()));
    Calibration atDefault = ask(SideCommand.project("cpu", ThreadTrial.POINT, "fp32")).calibration();
    ask(SideCommand.threads(f.threads()));
    Calibration atThreads = ask(SideCommand.project("cpu", ThreadTrial.POINT, "fp32")).calibration();
    answers.threadTrial = new ThreadTrial(f, atDefault, atThreads);
  }

  /**
   * The verdict's workload on its fastest verified device, one burst per turn until the turns say
   * end: for a job the user named its own network at its burst point in the side's own trainer
   * settings (threads, precision: issue #29, item 6), else cnn where calibrated. True once it has
   * reported at the turns as a bursting side.
   */
  private boolean bursts() throws Gone, InterruptedException {
    Calibration best = pick(answers.calibrations);
    if (best == null) {
      return false;
    }
    ProjectionPoint point = plan.job() == null ? null : ProjectionPlan.burstPoint(plan.job(), best.device());
    String precision = null;
    Integer restore = null;
    if (point != null) {
      JobStep step = jobStep(best.device(), point);
      restore = step.restore();
      if (step.timed() != null) {
        best = step.timed();
        precision = step.precision();
      }
    }
    try {
      SideAnswer ready = ask(burst(best, 0, precision));
      if (ready.burst() == null && precision != null) {
        // a side that cannot burst the job's step (an older worker image): the cnn, as without a job
        answers.calibrations.remove(best);
        best = pick(answers.calibrations);
        precision = null;
        ready = ask(burst(best, 0, null));
      }
      if (ready.burst() == null) {
        return false;
      }
      // round 0 is the calibration itself, with the counters of the side now that its burst model is warm
      BurstLine line = withSteps(ready.burst(), best.stepTimesMs());
      while (turn(line) == Turns.Turn.GO) {
        // a quota's side times long bursts: one that idles while the others burst starts each turn on
        // a fresh period's quota, and short bursts then showed half a CPU's stalls at half their cost
        boolean throttled = line.nrThrottled() != null && line.nrThrottled() > 0;
        double seconds = throttled ? Math.max(plan.burstSeconds(), BurstPlan.THROTTLED_SECONDS) : plan.burstSeconds();
        SideAnswer a = ask(burst(best, seconds, precision));
        if (a.burst() == null) {
          break;
        }
        line = a.burst();
      }
      return true;
    } finally {
      if (restore != null) {
        ask(SideCommand.threads(restore));
      }
    }
  }

  /** A named job's step as timed here: its calibration (null where it did not run), its precision, the threads to put back. */
  private record JobStep(Calibration timed, String precision, Integer restore) {}

  /**
   * The job's network at {@code point} on {@code device} in the trainer's settings on this side (its
   * threads set first, its precision), kept as the verdict's workload (named by the point); the cnn stands
   * for it where it did not run.
   */
  private JobStep jobStep(String device, ProjectionPoint point) throws Gone, InterruptedException {
    TrainerSettings s = settings(device);
    Integer restore = atThreads(s);
    Calibration step = ask(SideCommand.project(device, point.toString(), s.precision())).calibration();
    if (step == null || step.diagnosis() != null || step.medianMs() == null) {
      return new JobStep(null, null, restore);
    }
    Calibration named = CalibrationBuilder.builder(step).workload(point.toString()).build();
    answers.calibrations.add(named);
    return new JobStep(named, s.precision(), restore);
  }

  /** The side at {@code s}'s threads where it runs others; the threads to put back afterwards, or null. */
  private Integer atThreads(TrainerSettings s) throws Gone, InterruptedException {
    if (facts == null || facts.threads() == null || facts.threads() == s.threads()) {
      return null;
    }
    ask(SideCommand.threads(s.threads()));
    return facts.threads();
  }

  private static SideCommand burst(Calibration c, double seconds, String precision) {
    return precision == null ? SideCommand.burst(c.device(), c.workload(), seconds)
        : SideCommand.burst(c.device(), c.workload(), seconds, precision);
  }

  /** cnn where calibrated (the verdict's workload), else the first workload; its fastest verified device. */
  static Calibration pick(List<Calibration> calibrations) {
    List<Calibration> ok = calibrations.stream().filter(c -> c.diagnosis() == null && c.medianMs() != null).toList();
    String workload = ok.stream().anyMatch(c -> "cnn".equals(c.workload())) ? "cnn"
        : ok.stream().map(Calibration::workload).findFirst().orElse(null);
    return ok.stream().filter(c -> c.workload().equals(workload)).min(Comparator.comparingDouble(Calibration::medianMs))
        .orElse(null);
  }

  /**
   * The projection's points on one device, in the settings the job's trainer would use there (its
   * threads and precision; the threads put back afterwards); a point with a cap only where the step
   * before it, scaled, stays under the cap. Then the job's other parts where the plan asks for them.
   * A step whose gradient was not finite had its update skipped: the device's result then carries
   * that as a warning, unless it carries one already.
   */
  private void project(String device) throws Gone, InterruptedException {
    TrainerSettings settings = settings(device);
    Integer restore = settings == null ? null : atThreads(settings);
    int skipped = 0;
    int steps = 0;
    Double beforeMs = null;
    ProjectionPoint beforeAt = null;
    List<Calibration> timed = new java.util.ArrayList<>();
    for (ProjectionPoint.Planned planned : plan.points(device)) {
      if (!planned.affordable(beforeMs, beforeAt)) {
        continue;
      }
      SideCommand command = settings == null ? SideCommand.project(device, planned.point().toString())
          : SideCommand.project(device, planned.point().toString(), settings.precision());
      SideAnswer a = ask(command);
      Calibration c = a.calibration() != null ? a.calibration() : answers.failed(device, planned.point().model(), a.diagnosis());
      answers.calibrations.add(c);
      beforeMs = c.diagnosis() == null ? c.medianMs() : null;
      beforeAt = planned.point();
      if (beforeMs != null) {
        timed.add(c);
      }
      skipped += a.skipped() == null ? 0 : a.skipped();
      steps += a.steps() == null ? 0 : a.steps();
    }
    answers.nonFinite(device, skipped, steps);
    if (settings != null && !plan.points(device).isEmpty()) {
      answers.jobs.add(parts.time(device, settings, timed, cpus()));
    }
    if (restore != null) {
      ask(SideCommand.threads(restore));
    }
  }

  /**
   * What the job's trainer would use on this side for {@code device} (TrainerSettings, from the
   * side's own threads and CPUs), or null without a job. DJL times float32 whatever the trainer.
   */
  private TrainerSettings settings(String device) throws Gone, InterruptedException {
    Workload w = plan.job();
    if (w == null) {
      return null;
    }
    if (facts == null) {
      facts = ask(SideCommand.threads(0)).threads();
    }
    int cpus = cpus();
    String gpuName = answers.devices.stream().filter(d -> d.device().equals(device)).map(DeviceResult::name)
        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    int gpus = (int) answers.devices.stream().filter(d -> d.device().startsWith("cuda")).count();
    TrainerSettings s = TrainerSettings.of(w.trainer(), w.model(), device, gpuName, gpus, cpus,
        facts == null ? null : facts.defaultThreads(), w.batch(), w.overrides());
    if (!plan.asTrainer() && facts != null && facts.threads() != null && device.equals("cpu")) {
      s = s.atThreads(facts.threads(), "timed at the side's " + facts.threads() + " threads, not the trainer's " + s.threads()
          + ": doctor's example job keeps to its time (a job you name is timed at the trainer's)");
    }
    return call.backend() == Backend.DJL ? s.inFloat32("DJL times float32 (its YOLOv8 step has no mixed precision)") : s;
  }

  private static BurstLine withSteps(BurstLine b, List<Double> steps) {
    return new BurstLine(b.device(), b.workload(), steps, b.cpuMs(), b.nrThrottled(), b.throttledMs(), b.allowance(), b.host());
  }

  /** The CPUs the side may use, from its threads answer, else this JVM's count. */
  private int cpus() {
    return facts != null && facts.cpus() != null ? facts.cpus() : Runtime.getRuntime().availableProcessors();
  }

  /** Whether the side answered {@code end}: everything it had to say is said. */
  boolean ended() {
    return ended;
  }

  /** What the side answered. */
  Answers answers() {
    return answers;
  }
}
