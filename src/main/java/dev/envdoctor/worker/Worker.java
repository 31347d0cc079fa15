package dev.envdoctor.worker;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.protocol.WorkerRequest;
import dev.envdoctor.protocol.WorkerEvents;
import dev.envdoctor.protocol.WorkerOutput;
import ai.djl.Device;
import dev.envdoctor.model.Engine;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.protocol.CrashDiagnoses;
import dev.envdoctor.protocol.Diagnosis;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.envdoctor.calibrate.ProjectionPoint;

/**
 * The worker child's job: load DJL's PyTorch engine, verify the requested devices, calibrate the
 * verified ones, and return the one document. Each finished result also goes out at once as an
 * event line on stderr, so a later crash loses nothing that was already done.
 */
public final class Worker {

  private final PrintStream events;
  private final Map<String, String> env;
  private final java.nio.file.Path logFile;

  /** @param logFile where DJL's log lines go (read back for facts DJL only logs), or null */
  public Worker(PrintStream events, Map<String, String> env, java.nio.file.Path logFile) {
    this.events = events;
    this.env = Map.copyOf(env);
    this.logFile = logFile;
  }

  public WorkerOutput run(WorkerRequest req, EngineSetup setup) {
    if (setup.cacheDir() == null) {
      return failed(req, setup.diagnosis(), "set ENVDOCTOR_HOME to a writable folder: DJL unpacks libtorch into its cache there");
    }
    emit(WorkerEvents.progress("engine"));
    LogTail log = LogTail.mark(logFile);
    ai.djl.engine.Engine engine;
    try {
      engine = ai.djl.engine.Engine.getEngine("PyTorch");
    } catch (RuntimeException | LinkageError e) {
      java.io.StringWriter trace = new java.io.StringWriter();
      e.printStackTrace(new java.io.PrintWriter(trace));
      events.print(trace);
      String text = describe(e);
      Diagnosis d = CrashDiagnoses.fromText(trace.toString(), env, null)
          .orElse(new Diagnosis("DJL's PyTorch engine did not load: " + text, "see the lines below and the log file"));
      return failed(req, d.line(), d.fix());
    }
    Engine info = EngineInfo.describe(engine, engineNote(setup, engine, log));
    emit(WorkerEvents.engine(info));
    engine.setRandomSeed(Workloads.SEED);
    List<String> names = DeviceNames.select(req.device(), engine.getGpuCount(),
        System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    // steps still to come, for the parent's progress bar: each verify, each calibration, done
    emit(WorkerEvents.progress("plan " + (names.size() * (1 + (req.calibrate() ? req.workloads().size() + req.project().size() : 0)) + 1)));
    List<DeviceResult> devices = new ArrayList<>();
    for (String name : names) {
      emit(WorkerEvents.progress("verify " + name));
      DeviceResult r = req.verify() || req.calibrate() ? Verifier.verify(name, djlDevice(name))
          : DeviceResultBuilder.builder()
              .backend(Backend.DJL)
              .device(name)
              .stderrTail(List.of())
              .build();
      devices.add(r);
      emit(WorkerEvents.device(r));
    }
    List<Calibration> calibrations = new ArrayList<>();
    if (req.calibrate() && req.gate() && devices.stream().anyMatch(d -> Boolean.TRUE.equals(d.verified()))) {
      awaitTurn();
    }
    boolean bursting = req.calibrate() && req.gate() && req.bursts() > 0;
    if (req.calibrate()) {
      for (DeviceResult d : devices) {
        if (!Boolean.TRUE.equals(d.verified())) {
          continue;
        }
        for (String workload : req.workloads()) {
          emit(WorkerEvents.progress("calibrate " + d.device() + " " + workload));
          Calibration c = Calibrator.calibrate(Workloads.of(workload), d.device(), djlDevice(d.device()), req);
          calibrations.add(c);
          emit(WorkerEvents.calibration(c));
        }
        if (!bursting) {
          calibrations.addAll(project(d, req, devices));
        }
      }
    }
    if (bursting) {
      // the projection's networks after the bursts, in a turn of their own: a process that has
      // trained YOLOv8m first ran the cnn bursts 9-18% slower than a fresh one (its heap then holds
      // that network's memory), which made native look slower than a container that did not project
      if (Bursts.run(calibrations, req, stdin(), this::emit, env) && !req.project().isEmpty()) {
        awaitTurn();
      }
      for (DeviceResult d : devices) {
        if (Boolean.TRUE.equals(d.verified())) {
          calibrations.addAll(project(d, req, devices));
        }
      }
    }
    emit(WorkerEvents.progress("done"));
    return new WorkerOutput(WorkerOutput.PROTOCOL, info, devices, calibrations, List.of(), null, null);
  }

  /** What is worth knowing about the engine that loaded: a cache fallback, CUDA that DJL could not use. */
  private static String engineNote(EngineSetup setup, ai.djl.engine.Engine engine, LogTail log) {
    String cuda = engine.getGpuCount() == 0 ? LogTail.cudaProblem(log.warnings()) : null;
    String cudaNote = cuda == null ? null : "DJL's CUDA check: " + cuda + ": DJL can use no CUDA GPU here (expected where there is no NVIDIA GPU)";
    if (setup.diagnosis() == null) {
      return cudaNote;
    }
    return cudaNote == null ? setup.diagnosis() : setup.diagnosis() + "; " + cudaNote;
  }

  /** cpu, cuda:N, mps as DJL names them. */
  static Device djlDevice(String name) {
    if (name.equals("cpu")) {
      return Device.cpu();
    }
    if (name.startsWith("cuda:")) {
      return Device.gpu(Integer.parseInt(name.substring(5)));
    }
    return Device.fromName(name);
  }

  /** No engine, so no device computed: the requested device carries the diagnosis too. */
  private WorkerOutput failed(WorkerRequest req, String diagnosis, String fix) {
    var engine = new Engine(null, "DJL PyTorch", ai.djl.engine.Engine.getDjlVersion(), null, null, null, diagnosis);
    var device = DeviceResultBuilder.builder()
        .backend(Backend.DJL)
        .device(req.device())
        .verified(false)
        .diagnosis(diagnosis)
        .fix(fix)
        .stderrTail(List.of())
        .build();
    return new WorkerOutput(WorkerOutput.PROTOCOL, engine, List.of(device), List.of(), List.of(), diagnosis, fix);
  }

  private static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      sb.append(sb.length() == 0 ? "" : ": ").append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }
    return sb.toString();
  }

  /**
   * The projection's calibrations of the job's network on one device (ProjectionPlan's points). A
   * step whose gradient was not finite had its update skipped (YoloCalibrator.step); when any was,
   * the device's result carries it as a warning, unless it carries one already.
   */
  private List<Calibration> project(DeviceResult d, WorkerRequest req, List<DeviceResult> devices) {
    List<Calibration> out = new ArrayList<>();
    int skipped = 0;
    int steps = 0;
    Double beforeMs = null; // the step of the last point timed, and that point
    ProjectionPoint beforeAt = null;
    for (var planned : ProjectionPoint.parsePlan(req.project())) {
      var point = planned.point();
      if (!planned.affordable(beforeMs, beforeAt)) {
        continue; // the job's own size would cost more than its cap here: the fit extends the others
      }
      emit(WorkerEvents.progress("calibrate " + d.device() + " " + point));
      YoloCalibrator.Timed t = YoloCalibrator.calibrate(point, d.device(), djlDevice(d.device()), req);
      out.add(t.calibration());
      beforeMs = t.calibration().diagnosis() == null ? t.calibration().medianMs() : null;
      beforeAt = point;
      skipped += t.skipped();
      steps += t.steps();
      emit(WorkerEvents.calibration(t.calibration()));
    }
    if (skipped > 0 && d.diagnosis() == null) {
      devices.set(devices.indexOf(d), nonFinite(d, skipped, steps));
    }
    return out;
  }

  /** {@code d} with the warning that {@code skipped} of {@code steps} YOLOv8 training steps got a non-finite gradient. */
  static DeviceResult nonFinite(DeviceResult d, int skipped, int steps) {
    return DeviceResultBuilder.builder(d)
        .diagnosis(skipped + " of " + steps + " YOLOv8 training steps on " + d.device() + " got a non-finite gradient from" + " libtorch's backward (envdoctor skipped those updates; unguarded, one made the loss NaN for good)")
        .fix("clip the gradients and skip a non-finite update in your training loop, as envdoctor's steps do")
        .build();
  }

  /**
   * The parent starts every side at once and lets them calibrate one at a time: say so and wait for
   * its line on stdin (end of input: go anyway, the parent is gone or gave no gate).
   */
  private void awaitTurn() {
    emit(WorkerEvents.GATE);
    try {
      stdin().readLine();
    } catch (java.io.IOException e) {
      // no stdin: calibrate now
    }
  }

  private java.io.BufferedReader stdin;

  /** One reader for every answer at the gate: a second one could have buffered the next answer away. */
  private java.io.BufferedReader stdin() {
    if (stdin == null) {
      stdin = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return stdin;
  }

  private void emit(String line) {
    events.println(line);
    events.flush();
  }
}
