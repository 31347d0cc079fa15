package dev.envdoctor.sides;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.calibrate.BurstPlan;
import dev.envdoctor.calibrate.ProjectionPoint;
import dev.envdoctor.calibrate.Turns;
import dev.envdoctor.exec.Dialog;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.CalibrationBuilder;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.model.Engine;
import dev.envdoctor.model.Peak;
import dev.envdoctor.protocol.BurstLine;
import dev.envdoctor.protocol.SideAnswer;
import dev.envdoctor.protocol.SideCommand;
import dev.envdoctor.protocol.ThreadFacts;
import dev.envdoctor.protocol.WorkerOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The parent's flow for one side, the same for every executor (docs/side-protocol.md): greet,
 * verify each offered device, wait for the side's turn, calibrate, burst while the turns say go,
 * project in a turn of its own, time the peaks, end. What the side answered is kept as it comes,
 * so a side that dies keeps every result it finished; the command in flight then names what it
 * was doing.
 */
final class SideFlow implements Consumer<Dialog> {

  private final SideCall call;
  private final SidePlan plan;
  private final Duration patience;
  private Dialog dialog;

  private SideAnswer hello;
  private final List<DeviceResult> devices = new ArrayList<>();
  private final List<Calibration> calibrations = new ArrayList<>();
  private final List<Peak> peaks = new ArrayList<>();
  private volatile SideCommand inFlight;
  private ThreadTrial threadTrial;
  private volatile boolean ended;

  SideFlow(SideCall call) {
    this.call = call;
    this.plan = call.plan();
    this.patience = Turns.patience(call.timeout());
  }

  /** The side ended or died before answering: the flow stops where it is. */
  private static final class Gone extends Exception {
    Gone() {
      super(null, null, false, false);
    }
  }

  @Override
  public void accept(Dialog d) {
    dialog = d;
    try {
      talk();
    } catch (Gone e) {
      // the side is gone: what it answered stands, the runner diagnoses the rest
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void talk() throws Gone, InterruptedException {
    progress("engine");
    inFlight = SideCommand.of(SideAnswer.HELLO);
    hello = receive();
    inFlight = null;
    if (!WorkerOutput.PROTOCOL.equals(hello.protocol()) || !SideAnswer.HELLO.equals(hello.answer())) {
      hello = null; // another protocol: the runner says which build to rebuild
      throw new Gone();
    }
    if (hello.diagnosis() == null) {
      measure();
    }
    ask(SideCommand.end());
    ended = true;
    progress("done");
  }

  private void measure() throws Gone, InterruptedException {
    List<String> offered = hello.devices() == null ? List.of() : hello.devices();
    for (String name : offered) {
      SideAnswer a = ask(SideCommand.verify(name));
      devices.add(a.device() != null ? a.device() : unverified(name, a.diagnosis()));
    }
    List<String> verified = devices.stream().filter(d -> Boolean.TRUE.equals(d.verified())).map(DeviceResult::device).toList();
    if (!plan.calibrate() || verified.isEmpty()) {
      return;
    }
    turn(null);
    boolean bursting = call.turns() != null && plan.burstSeconds() > 0;
    for (String d : verified) {
      for (String w : plan.workloads()) {
        SideAnswer a = ask(SideCommand.calibrate(d, w));
        calibrations.add(a.calibration() != null ? a.calibration() : failed(d, w, a.diagnosis()));
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
    if (plan.peaks()) {
      for (String d : verified) {
        if (!d.equals("cpu") || plan.peakCpu()) {
          SideAnswer a = ask(SideCommand.peak(d));
          peaks.addAll(a.peaks() == null ? List.of() : a.peaks());
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
    if (!ThreadTrial.belowInEffect(f)) {
      threadTrial = new ThreadTrial(f, null);
      return;
    }
    ask(SideCommand.threads(f.defaultThreads()));
    SideAnswer a = ask(SideCommand.calibrate("cpu", "cnn"));
    ask(SideCommand.threads(f.threads()));
    threadTrial = new ThreadTrial(f, a.calibration());
  }

  /**
   * The verdict's workload (cnn where calibrated) on its fastest verified device, one burst per
   * turn until the turns say end. True once it has reported at the turns as a bursting side.
   */
  private boolean bursts() throws Gone, InterruptedException {
    Calibration best = pick(calibrations);
    if (best == null) {
      return false;
    }
    SideAnswer ready = ask(SideCommand.burst(best.device(), best.workload(), 0));
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
      SideAnswer a = ask(SideCommand.burst(best.device(), best.workload(), seconds));
      if (a.burst() == null) {
        break;
      }
      line = a.burst();
    }
    return true;
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
   * The projection's points on one device; a point with a cap only where the step before it,
   * scaled, stays under the cap. A step whose gradient was not finite had its update skipped: the
   * device's result then carries that as a warning, unless it carries one already.
   */
  private void project(String device) throws Gone, InterruptedException {
    int skipped = 0;
    int steps = 0;
    Double beforeMs = null;
    ProjectionPoint beforeAt = null;
    for (ProjectionPoint.Planned planned : plan.points(device)) {
      if (!planned.affordable(beforeMs, beforeAt)) {
        continue;
      }
      SideAnswer a = ask(SideCommand.project(device, planned.point().toString()));
      Calibration c = a.calibration() != null ? a.calibration() : failed(device, planned.point().model(), a.diagnosis());
      calibrations.add(c);
      beforeMs = c.diagnosis() == null ? c.medianMs() : null;
      beforeAt = planned.point();
      skipped += a.skipped() == null ? 0 : a.skipped();
      steps += a.steps() == null ? 0 : a.steps();
    }
    for (int i = 0; i < devices.size() && skipped > 0; i++) {
      DeviceResult d = devices.get(i);
      if (d.device().equals(device) && d.diagnosis() == null) {
        devices.set(i, nonFinite(d, skipped, steps));
      }
    }
  }

  /** {@code d} with the warning that {@code skipped} of {@code steps} YOLOv8 training steps got a non-finite gradient. */
  static DeviceResult nonFinite(DeviceResult d, int skipped, int steps) {
    return DeviceResultBuilder.builder(d)
        .diagnosis(skipped + " of " + steps + " YOLOv8 training steps on " + d.device() + " got a non-finite gradient from"
            + " libtorch's backward (envdoctor skipped those updates; unguarded, one made the loss NaN for good)")
        .fix("clip the gradients and skip a non-finite update in your training loop, as envdoctor's steps do")
        .build();
  }

  /** Waits for this side's turn (GO at once without turns); null: the turns count it finished. */
  private Turns.Turn turn(BurstLine line) {
    return call.turns() == null ? Turns.Turn.GO : call.turns().next(call.side(), line, patience);
  }

  private SideAnswer ask(SideCommand c) throws Gone, InterruptedException {
    inFlight = c;
    if (c.verb().equals(SideCommand.PROJECT)) {
      progress(SideCommand.CALIBRATE + " " + String.join(" ", c.args()));
    } else if (!c.verb().equals(SideCommand.BURST) && !c.verb().equals(SideCommand.END)) {
      progress(c.line()); // a burst is a turn of a few milliseconds: no line of its own
    }
    if (!dialog.send(c.line())) {
      throw new Gone();
    }
    SideAnswer a = receive();
    inFlight = null;
    return a;
  }

  /** The next answer; a line on stdout that is none (a library printing on fd 1) is skipped. */
  private SideAnswer receive() throws Gone, InterruptedException {
    while (true) {
      String line = dialog.receive();
      if (line == null) {
        throw new Gone();
      }
      var a = SideAnswer.parse(line);
      if (a.isPresent()) {
        return a.get();
      }
    }
  }

  private void progress(String text) {
    if (call.progress() != null) {
      call.progress().accept(text);
    }
  }

  private DeviceResult unverified(String name, String diagnosis) {
    return DeviceResultBuilder.builder()
        .backend(call.backend())
        .device(name)
        .verified(false)
        .diagnosis(diagnosis)
        .stderrTail(List.of())
        .build();
  }

  private Calibration failed(String device, String workload, String diagnosis) {
    return CalibrationBuilder.builder()
        .backend(call.backend())
        .device(device)
        .workload(workload)
        .diagnosis(diagnosis)
        .build();
  }

  private static BurstLine withSteps(BurstLine b, List<Double> steps) {
    return new BurstLine(b.device(), b.workload(), steps, b.cpuMs(), b.nrThrottled(), b.throttledMs(), b.allowance(), b.host());
  }

  /** Whether the side answered {@code end}: everything it had to say is said. */
  boolean ended() {
    return ended;
  }

  /** The command the side did not answer before it died, or null. */
  SideCommand inFlight() {
    return inFlight;
  }

  /** The side's threads, asked where the plan says so; else null. */
  ThreadTrial threadTrial() {
    return threadTrial;
  }

  /** The Python side's facts from its greeting, or null. */
  JsonNode python() {
    return hello == null ? null : hello.python();
  }

  /**
   * The document of what the side answered. A side whose engine did not load: the engine with its
   * diagnosis and, for the Java worker, the requested device carrying it too.
   */
  WorkerOutput output() {
    Engine engine = hello == null ? null : hello.engine();
    String diagnosis = hello == null ? null : hello.diagnosis();
    String fix = hello == null ? null : hello.fix();
    List<DeviceResult> ds = new ArrayList<>(devices);
    if (diagnosis != null && call.backend() == Backend.DJL) {
      ds.add(DeviceResultBuilder.builder(unverified(call.requestedDevice(), diagnosis)).fix(fix).build());
    }
    return new WorkerOutput(WorkerOutput.PROTOCOL, engine, ds, calibrations, peaks, diagnosis, fix);
  }
}
