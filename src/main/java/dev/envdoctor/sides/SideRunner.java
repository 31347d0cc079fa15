package dev.envdoctor.sides;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.calibrate.Turns;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandRunner;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.flow.Background;
import dev.envdoctor.protocol.WorkerOutput;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The parent's one runner of sides (docs/side-protocol.md): starts a side through the
 * {@link CommandRunner} (its timeout, Ctrl-C and the kill of its whole tree), holds its
 * {@link SideFlow} on stdin and stdout, and always returns a usable document.
 *
 * <p>Whatever the side does — answers everything and ends, crashes on a signal ({@code symbol
 * lookup error} from a JNI/libtorch mismatch, a Metal assertion, SIGSEGV), hangs past the timeout,
 * runs out of memory, prints garbage or speaks another protocol — the result is a document: the
 * side's answers, and for a side that did not end, one diagnosed entry for the command in flight
 * with its last stderr lines. It never throws for a side's failure and never leaves it running.
 * Every engine, device and calibration in the document carries the call's runtime.
 */
public final class SideRunner {

  /** How many of the child's last stderr lines a failed result quotes. */
  public static final int STDERR_TAIL = 20;

  /**
   * A side's run: the document, the Python side's facts from its greeting (else null), the process's
   * result, whether it answered {@code end}, and its threads where the plan asked (else null).
   */
  public record Run(WorkerOutput out, JsonNode python, CommandResult result, boolean ended, ThreadTrial threads) {}

  private final CommandRunner runner;
  private final Map<String, String> env;

  /**
   * @param env the environment the children inherit ({@code ctx.env()}): a diagnosis names
   *     PYTORCH_LIBRARY_PATH and PYTORCH_VERSION from it
   */
  public SideRunner(CommandRunner runner, Map<String, String> env) {
    this.runner = runner;
    this.env = Map.copyOf(env);
  }

  public SideRunner(CommandRunner runner) {
    this(runner, Map.of());
  }

  /**
   * A side started now on a background thread, registered at {@code turns} before it starts and
   * finished there whatever happens to it, so no other side waits for it in vain.
   */
  public static <T> CompletableFuture<T> start(Turns turns, String side, Supplier<T> work) {
    return Background.startSide(turns, side, work);
  }

  /** The side's result once it is over (a failure of the work rethrown as itself). */
  public static <T> T join(CompletableFuture<T> started) {
    return Background.join(started);
  }

  /** Runs the side to its end. */
  public Run run(SideCall call) {
    SideFlow flow = new SideFlow(call);
    CommandSpec spec = CommandSpec.of(call.timeout(), call.argv()).withEnv(call.env()).withDialog(flow);
    if (call.script() != null) {
      spec = spec.withStdin(call.script());
    }
    CommandResult result = runner.run(spec);
    if (call.turns() != null) {
      call.turns().finish(call.side()); // the side has ended: the next may calibrate (its container's removal is cheap)
    }
    Map<String, String> seen = new HashMap<>(env);
    seen.putAll(call.env());
    return new Run(interpret(result, flow, call, seen, LibtorchVersion.at(seen.get("PYTORCH_LIBRARY_PATH"))),
        flow.answers().python(), result, flow.ended(), flow.answers().threadTrial);
  }

  /**
   * The pure half: what a finished side means. A side that answered {@code end} said everything,
   * whatever it did on the way out (libtorch destructors, a stray native thread).
   */
  static WorkerOutput interpret(CommandResult result, SideFlow flow, SideCall call, Map<String, String> env,
      String libtorchAtPath) {
    if (flow.ended()) {
      return WorkerDocument.stamp(VersionMismatch.explain(flow.answers().output(), env, libtorchAtPath), call.runtime());
    }
    return WorkerDocument.stamp(WorkerFailure.diagnose(result, call, flow.answers().output(), flow.inFlight(), env, libtorchAtPath),
        call.runtime());
  }
}
