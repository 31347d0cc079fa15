package dev.envdoctor.cli;

import dev.envdoctor.run.ExitCode;
import dev.envdoctor.run.RunFailure;
import dev.envdoctor.Paths;
import dev.envdoctor.worker.EngineSetup;
import dev.envdoctor.worker.Executor;
import dev.envdoctor.worker.Workloads;
import dev.envdoctor.worker.Fault;
import dev.envdoctor.protocol.SideSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import dev.envdoctor.worker.DeviceNames;

/**
 * The Java side (docs/side-protocol.md): the child process that loads native code (DJL/libtorch).
 * Hidden: the doctor runs it, natively and inside containers, sends it commands on stdin and reads
 * one answer per command on stdout. Its options are settings; what it does comes in commands.
 */
@Command(name = "worker", hidden = true, mixinStandardHelpOptions = true,
    description = "Internal: the child process that computes on devices; answers commands on stdin (docs/side-protocol.md).")
public final class WorkerCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--device", defaultValue = "all", paramLabel = "all|cpu|cuda[:N]|mps",
      description = "Devices to try (default: ${DEFAULT-VALUE}).")
  String device;

  @Option(names = "--batch", paramLabel = "N", description = "Batch size (default: mlp 64, cnn 16).")
  Integer batch;

  @Option(names = "--imgsz", defaultValue = "" + Workloads.DEFAULT_IMGSZ, paramLabel = "PX",
      description = "Image side of the cnn workload (default: ${DEFAULT-VALUE}).")
  int imgsz;

  @Option(names = "--steps", defaultValue = "30", paramLabel = "N", description = "Most timed steps per run (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--seconds", defaultValue = "1.5", paramLabel = "S",
      description = "Most seconds of timed steps per run (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--threads", paramLabel = "N", description = "CPU threads for libtorch (default: the CPUs this process may use).")
  Integer threads;

  @Option(names = "--fault", hidden = true, paramLabel = "segv|abort|hang|oom|garbage|exit",
      description = "Die on purpose, for testing the parent's containment.")
  String fault;

  /**
   * The worker's own log file, $ENVDOCTOR_HOME/worker.log: slf4j-simple truncates the file it opens,
   * so the child must not share the parent's. Set before the first logger exists (DJL's are made
   * when its classes load, after this).
   */
  private static Path workerLog() {
    Path main = dev.envdoctor.Logging.logFile();
    if (main == null) {
      return null;
    }
    Path log = main.resolveSibling("worker.log");
    try {
      java.nio.file.Files.deleteIfExists(log); // slf4j-simple truncates it anyway; this keeps LogTail's mark at 0
    } catch (java.io.IOException e) {
      // then the log is appended to the old one's length and LogTail may miss lines: a note lost, no more
    }
    System.setProperty("org.slf4j.simpleLogger.logFile", log.toString());
    return log;
  }

  @Override
  public Integer call() {
    EnvdoctorCommand root = (EnvdoctorCommand) spec.root().userObject();
    Path log = workerLog();
    // whatever Java code prints by mistake goes to stderr: stdout carries the answers alone
    PrintStream stdout = System.out;
    System.setOut(System.err);
    try {
      if (fault != null) {
        Fault.valueOf(fault.toUpperCase(java.util.Locale.ROOT)).inflict(root.runner(), stdout);
      }
      if (imgsz < 8 || steps < 1 || seconds <= 0 || (batch != null && batch < 1) || (threads != null && threads < 1)) {
        throw RunFailure.badInput("worker: --imgsz >= 8, --steps >= 1, --seconds > 0, --batch >= 1, --threads >= 1");
      }
      DeviceNames.select(device, 0, "", ""); // refuse a bad name before the engine starts
      int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
      SideSettings settings = new SideSettings(device, batch, imgsz, steps, seconds, t);
      EngineSetup setup = EngineSetup.configure(Paths.home(), Path.of(System.getProperty("java.io.tmpdir")), t);
      var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
      new Executor(stdout, System.err, root.env(), log, settings).serve(setup, in);
      return ExitCode.OK;
    } catch (java.io.IOException e) {
      return ExitCode.OK; // stdin is gone: the parent is, too
    } catch (IllegalArgumentException e) {
      throw RunFailure.badInput("worker: " + e.getMessage());
    } catch (OutOfMemoryError e) {
      // without -XX:+ExitOnOutOfMemoryError (a foreign launcher): end as that flag would
      System.err.println("Terminating due to java.lang.OutOfMemoryError: " + e.getMessage());
      Runtime.getRuntime().halt(3);
      return ExitCode.TOOL_FAILED;
    } finally {
      System.setOut(stdout);
    }
  }
}
