package dev.envdoctor.verify;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandRunner;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.calibrate.Turns;
import dev.envdoctor.protocol.BurstLine;
import dev.envdoctor.protocol.GateLines;
import dev.envdoctor.protocol.WorkerEvents;
import dev.envdoctor.protocol.WorkerOutput;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;

/**
 * The parent side of the worker protocol ({@code envdoctor/worker/v1}): runs one worker child
 * through the {@link CommandRunner} and always returns a usable {@link WorkerOutput}.
 *
 * <p>Whatever the child does — prints its document, crashes on a signal ({@code symbol lookup
 * error} from a JNI/libtorch mismatch, a Metal assertion, SIGSEGV), hangs past the timeout (its
 * whole process tree is then killed), runs out of memory, prints garbage or exits non-zero — the
 * result is a document: either the child's own, or one built here with a diagnosis, a fix and the
 * child's last stderr lines in {@code devices[].stderrTail}. Results the child finished before it
 * died (its {@code @envdoctor} stderr events) are kept. It never throws for a child's failure and
 * never leaves the child running.
 *
 * <p>Every engine, device and calibration in the returned document carries {@code runtime}.
 *
 * <pre>{@code
 * WorkerClient client = new WorkerClient(ctx.runner());
 * WorkerOutput out = client.run(SelfLauncher.current().prefix(),
 *     List.of("--device", "all", "--verify"), Duration.ofSeconds(60), "native");
 * // containers: client.run(List.of("docker", "run", "--rm", ..., image, "envdoctor", "worker"), args, t, "docker")
 * }</pre>
 */
public final class WorkerClient {

  /** How many of the child's last stderr lines a failed result quotes. */
  public static final int STDERR_TAIL = 20;

  private final CommandRunner runner;
  private final Map<String, String> env;

  /** A client whose children's environment is not known beyond what each call adds. */
  public WorkerClient(CommandRunner runner) {
    this(runner, Map.of());
  }

  /**
   * @param env the environment the children inherit ({@code ctx.env()}): a diagnosis names
   *     PYTORCH_LIBRARY_PATH and PYTORCH_VERSION from it
   */
  public WorkerClient(CommandRunner runner, Map<String, String> env) {
    this.runner = runner;
    this.env = Map.copyOf(env);
  }

  /**
   * Runs {@code launchPrefix + workerArgs} with a timeout, as backend "djl".
   *
   * @param launchPrefix argv before the worker arguments (see {@link WorkerCall#launchPrefix()})
   * @param workerArgs the worker's arguments, e.g. {@code --device all --verify --calibrate}
   * @param timeout the child's whole tree is killed after this
   * @param runtime the side stamped on every result: native, docker, podman
   * @return the child's document, or a diagnosed one when it failed; never null
   */
  public WorkerOutput run(List<String> launchPrefix, List<String> workerArgs, Duration timeout, String runtime) {
    return run(WorkerCall.of(launchPrefix, workerArgs, timeout, runtime));
  }

  /** As {@link #run(List, List, Duration, String)}, with a backend, extra environment and a progress listener. */
  public WorkerOutput run(WorkerCall call) {
    List<String> argv = new java.util.ArrayList<>(call.launchPrefix());
    argv.addAll(call.workerArgs());
    CommandSpec spec = CommandSpec.of(call.timeout(), argv).withEnv(call.env());
    if (call.progress() != null) {
      spec = spec.withStderrListener(line -> WorkerEvents.parse(line)
          .filter(e -> e.kind() == WorkerEvents.Kind.PROGRESS)
          .ifPresent(e -> call.progress().accept(e.progress())));
    }
    if (call.gate() != null) {
      spec = spec.withStdinReplies(answers(call.gate(), call.side(), call.timeout()));
    }
    CommandResult result = runner.run(spec);
    if (call.gate() != null) {
      call.gate().finish(call.side()); // the child has ended: the next side may calibrate (its container's removal is cheap)
    }
    Map<String, String> seen = new HashMap<>(env);
    seen.putAll(call.env());
    return interpret(result, call, seen, LibtorchVersion.at(seen.get("PYTORCH_LIBRARY_PATH")));
  }

  /**
   * The pure half: what a finished child's result means.
   *
   * @param env the environment the child ran with
   * @param libtorchAtPath the torch version found at PYTORCH_LIBRARY_PATH, or null
   */
  static WorkerOutput interpret(CommandResult result, WorkerCall call, Map<String, String> env, String libtorchAtPath) {
    Optional<WorkerOutput> doc = WorkerDocument.parse(result.stdout());
    if (doc.isPresent()) {
      // a child that printed its document and then died or hung on the way out (libtorch
      // destructors, a stray native thread) still said everything it had to say; it is gone now
      return WorkerDocument.stamp(VersionMismatch.explain(doc.get(), env, libtorchAtPath), call.runtime());
    }
    return WorkerDocument.stamp(WorkerFailure.diagnose(result, call, env, libtorchAtPath), call.runtime());
  }

  /** The answers to the child's gate lines on its stdin: GO on its turn, END once its bursts are over, nothing once it finished. */
  static Function<String, String> answers(Turns gate, String side, Duration timeout) {
    return line -> {
      if (!line.strip().startsWith(GateLines.SIGNAL)) {
        return null;
      }
      var t = gate.next(side, BurstLine.parse(line), Turns.patience(timeout));
      return t == null ? null : t == Turns.Turn.GO ? GateLines.GO : GateLines.END;
    };
  }
}
