package dev.envdoctor.worker;

import ai.djl.Device;
import dev.envdoctor.calibrate.BurstPlan;
import dev.envdoctor.calibrate.ProjectionPoint;
import dev.envdoctor.calibrate.contention.CpuAllowanceReader;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.CalibrationBuilder;
import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.model.Engine;
import dev.envdoctor.protocol.BurstLine;
import dev.envdoctor.protocol.CrashDiagnoses;
import dev.envdoctor.protocol.Diagnosis;
import dev.envdoctor.protocol.SideAnswer;
import dev.envdoctor.protocol.SideCommand;
import dev.envdoctor.protocol.SideSettings;
import dev.envdoctor.protocol.ThreadFacts;
import ai.djl.pytorch.jni.JniUtils;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java side of the side protocol (docs/side-protocol.md): loads DJL's PyTorch engine, greets,
 * then carries out one command at a time and answers each with one line on stdout. It holds no
 * flow: which devices to verify, what to calibrate, when and how long to burst are the parent's.
 */
public final class Executor {

  private final PrintStream answers;
  private final PrintStream log;
  private final Map<String, String> env;
  private final Path logFile;
  private final SideSettings settings;
  /** The burst models kept ready, by "device workload". */
  private final Map<String, BurstSession> sessions = new HashMap<>();
  private boolean firstBurst = true;

  /**
   * @param answers the real stdout: one answer per line
   * @param log stderr: a failed engine's stack trace
   * @param logFile where DJL's log lines go (read back for facts DJL only logs), or null
   */
  public Executor(PrintStream answers, PrintStream log, Map<String, String> env, Path logFile, SideSettings settings) {
    this.answers = answers;
    this.log = log;
    this.env = Map.copyOf(env);
    this.logFile = logFile;
    this.settings = settings;
  }

  /** Greets, then answers commands from {@code in} until {@code end} or its end. */
  public void serve(EngineSetup setup, BufferedReader in) throws IOException {
    ai.djl.engine.Engine engine = hello(setup);
    if (engine != null) {
      engine.setRandomSeed(Workloads.SEED);
    }
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        SideCommand c = SideCommand.parse(line);
        if (c == null) {
          continue;
        }
        if (c.verb().equals(SideCommand.END)) {
          break;
        }
        answer(engine == null ? SideAnswer.error(c.line(), "no engine: DJL's PyTorch engine did not load") : execute(c));
      }
    } finally {
      sessions.values().forEach(BurstSession::close);
      sessions.clear();
    }
    answer(SideAnswer.of(SideCommand.END));
  }

  /** The engine and the devices on offer, or why there is no engine (then null). */
  private ai.djl.engine.Engine hello(EngineSetup setup) {
    if (setup.cacheDir() == null) {
      answer(failed(setup.diagnosis(), "set ENVDOCTOR_HOME to a writable folder: DJL unpacks libtorch into its cache there"));
      return null;
    }
    LogTail mark = LogTail.mark(logFile);
    ai.djl.engine.Engine engine;
    try {
      engine = ai.djl.engine.Engine.getEngine("PyTorch");
    } catch (RuntimeException | LinkageError e) {
      java.io.StringWriter trace = new java.io.StringWriter();
      e.printStackTrace(new java.io.PrintWriter(trace));
      log.print(trace);
      log.flush();
      Diagnosis d = CrashDiagnoses.fromText(trace.toString(), env, null)
          .orElse(new Diagnosis("DJL's PyTorch engine did not load: " + describe(e), "see the lines below and the log file"));
      answer(failed(d.line(), d.fix()));
      return null;
    }
    Engine info = EngineInfo.describe(engine, engineNote(setup, engine, mark));
    List<String> names = DeviceNames.select(settings.device(), engine.getGpuCount(),
        System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    answer(SideAnswer.hello(info, names, null, null));
    return engine;
  }

  private SideAnswer failed(String diagnosis, String fix) {
    var engine = new Engine(null, "DJL PyTorch", ai.djl.engine.Engine.getDjlVersion(), null, null, null, diagnosis);
    return SideAnswer.hello(engine, List.of(), diagnosis, fix);
  }

  /** One command's answer; a command it cannot carry out is an error answer, and the side goes on. */
  SideAnswer execute(SideCommand c) {
    try {
      return switch (c.verb()) {
        case SideCommand.PING -> SideAnswer.of(SideCommand.PING);
        case SideCommand.VERIFY -> SideAnswer.verified(Verifier.verify(c.arg(0), djlDevice(c.arg(0))));
        case SideCommand.CALIBRATE -> SideAnswer.calibrated(c.verb(),
            Calibrator.calibrate(Workloads.of(c.arg(1)), c.arg(0), djlDevice(c.arg(0)), settings), null, null);
        case SideCommand.PROJECT -> {
          SideAnswer notFp32 = float32Only(c, 2);
          if (notFp32 != null) {
            yield notFp32;
          }
          YoloCalibrator.Timed t = YoloCalibrator.calibrate(ProjectionPoint.parse(c.arg(1)), c.arg(0), djlDevice(c.arg(0)), settings);
          yield SideAnswer.calibrated(c.verb(), CalibrationBuilder.builder(t.calibration()).precision("fp32").build(),
              t.skipped(), t.steps());
        }
        case SideCommand.BURST -> {
          SideAnswer notFp32 = float32Only(c, 3);
          if (notFp32 != null) {
            yield notFp32;
          }
          yield SideAnswer.burst(burst(c.arg(0), c.arg(1), Double.parseDouble(c.arg(2))));
        }
        case SideCommand.THREADS -> SideAnswer.threads(threads(Integer.parseInt(c.arg(0))));
        default -> SideAnswer.error(c.line(), "the Java side does not " + c.verb());
      };
    } catch (RuntimeException e) {
      return SideAnswer.error(c.line(), describe(e));
    }
  }

  /** The error answer where command {@code c} names a precision (its word {@code at}) other than fp32, else null: DJL times float32 only. */
  private static SideAnswer float32Only(SideCommand c, int at) {
    String precision = c.args().size() > at ? c.arg(at) : "fp32";
    return precision.equals("fp32") ? null
        : SideAnswer.error(c.line(), "precision " + precision + ": the Java side (DJL) times float32 only");
  }

  /** {@code seconds} 0: the model built and warmed up, nothing timed. The counters are cumulative. */
  private BurstLine burst(String device, String workload, double seconds) {
    BurstSession s = sessions.get(device + " " + workload);
    if (s == null) {
      s = workload.contains("@") ? BurstSession.of(ProjectionPoint.parse(workload), djlDevice(device))
          : BurstSession.of(Workloads.of(workload), djlDevice(device), settings);
      sessions.put(device + " " + workload, s);
      s.warmup();
    }
    List<Double> steps = seconds > 0 ? s.burst(seconds, BurstPlan.MIN_STEPS, Math.max(BurstPlan.MIN_STEPS, settings.steps())) : List.of();
    long[] thr = CpuAllowanceReader.throttling(Path.of("/"));
    boolean first = firstBurst;
    firstBurst = false;
    return new BurstLine(device, workload, steps, cpuMs(), thr == null ? null : thr[0], thr == null ? null : thr[1] / 1e6,
        first ? CpuAllowanceReader.read(Path.of("/"), env) : null, first ? hostName() : null);
  }

  /**
   * {@code n} above 0: libtorch's intra-op threads from now on. DJL takes its count at engine start
   * (EngineSetup), so libtorch's own default is not known here.
   */
  private ThreadFacts threads(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("threads " + n + ": a count of 1 or more, or 0 to change nothing");
    }
    if (n > 0) {
      JniUtils.setNumThreads(n);
    }
    return new ThreadFacts(JniUtils.getNumThreads(), Runtime.getRuntime().availableProcessors(), null,
        env.get("OMP_NUM_THREADS"), env.get("MKL_NUM_THREADS"));
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

  private static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      sb.append(sb.length() == 0 ? "" : ": ").append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }
    return sb.toString();
  }

  static Double cpuMs() {
    return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(null);
  }

  /** The kernel's host name: in a container its short id, which its processes' cgroups on the host carry. */
  static String hostName() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private void answer(SideAnswer a) {
    answers.println(a.line());
    answers.flush();
  }
}
