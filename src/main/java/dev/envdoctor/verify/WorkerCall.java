package dev.envdoctor.verify;

import dev.envdoctor.protocol.GateLines;
import dev.envdoctor.calibrate.Turns;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One run of a worker child.
 *
 * @param launchPrefix argv before the worker arguments: natively {@link SelfLauncher#prefix()}
 *     ({@code java <flags> -cp <jar> dev.envdoctor.Main worker}); for a container
 *     {@code docker run --rm ... IMAGE envdoctor worker}; for the Python backend
 *     {@code python3 worker.py}
 * @param workerArgs the worker's own arguments ({@code --device all --verify --calibrate ...})
 * @param timeout the child (and its tree) is killed after this
 * @param runtime the side it runs on, stamped on every result: native, docker, podman
 * @param backend djl or python, used for results the child could not write itself
 * @param env extra environment variables for the child
 * @param progress sees each progress text of the child as it arrives (may be null)
 * @param gate the run's calibration gate the child waits at before calibrating (null: no gate)
 */
public record WorkerCall(
    List<String> launchPrefix,
    List<String> workerArgs,
    Duration timeout,
    String runtime,
    String backend,
    Map<String, String> env,
    Consumer<String> progress,
    Turns gate) {

  public WorkerCall {
    launchPrefix = List.copyOf(launchPrefix);
    workerArgs = List.copyOf(workerArgs);
    env = env == null ? Map.of() : Map.copyOf(env);
  }

  public static WorkerCall of(List<String> launchPrefix, List<String> workerArgs, Duration timeout, String runtime) {
    return new WorkerCall(launchPrefix, workerArgs, timeout, runtime, "djl", Map.of(), null, null);
  }

  public WorkerCall withBackend(String b) {
    return new WorkerCall(launchPrefix, workerArgs, timeout, runtime, b, env, progress, gate);
  }

  public WorkerCall withEnv(Map<String, String> e) {
    return new WorkerCall(launchPrefix, workerArgs, timeout, runtime, backend, e, progress, gate);
  }

  public WorkerCall withProgress(Consumer<String> p) {
    return new WorkerCall(launchPrefix, workerArgs, timeout, runtime, backend, env, p, gate);
  }

  /** Waits at {@code g} before calibrating: the worker gets --gate, and its turn is answered on stdin. */
  public WorkerCall withGate(Turns g) {
    List<String> args = new java.util.ArrayList<>(workerArgs);
    if (g != null && !args.contains(GateLines.OPTION)) {
      args.add(GateLines.OPTION);
      args.addAll(g.plan().childArgs());
    }
    return new WorkerCall(launchPrefix, args, timeout, runtime, backend, env, progress, g);
  }

  /** This call's name at the gate: runtime/backend (native/djl, docker/djl, native/python). */
  public String side() {
    return GateLines.side(runtime, backend);
  }

  /** The value of {@code --device} among the worker arguments, "all" when absent. */
  public String requestedDevice() {
    int i = workerArgs.indexOf("--device");
    return i >= 0 && i + 1 < workerArgs.size() ? workerArgs.get(i + 1) : "all";
  }
}
