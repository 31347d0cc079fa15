package dev.envdoctor.sides;

import dev.envdoctor.calibrate.Turns;
import dev.envdoctor.model.Backend;
import dev.envdoctor.protocol.SideNames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One side to run: how to start it, and what to ask it.
 *
 * @param argv the side's command line: its launcher ({@code java ... dev.envdoctor.Main worker},
 *     {@code docker run --rm -i ... IMAGE envdoctor worker}, {@code python3 -c LOADER}) and its settings
 * @param script text written on its stdin before the commands (the Python script), or null
 * @param timeout the child (and its tree) is killed after this
 * @param runtime the side it runs on, stamped on every result: native, docker, podman
 * @param backend djl or python
 * @param env extra environment variables for the child
 * @param plan what the parent asks it
 * @param turns the run's turns it calibrates in (null: it calibrates at once)
 * @param progress sees each command as it is sent (may be null)
 */
public record SideCall(List<String> argv, String script, Duration timeout, String runtime, Backend backend,
    Map<String, String> env, SidePlan plan, Turns turns, Consumer<String> progress) {

  public SideCall {
    argv = List.copyOf(argv);
    env = env == null ? Map.of() : Map.copyOf(env);
  }

  public static SideCall of(List<String> argv, Duration timeout, String runtime, Backend backend, SidePlan plan) {
    return new SideCall(argv, null, timeout, runtime, backend, Map.of(), plan, null, null);
  }

  public SideCall withScript(String s) {
    return new SideCall(argv, s, timeout, runtime, backend, env, plan, turns, progress);
  }

  public SideCall withEnv(Map<String, String> e) {
    return new SideCall(argv, script, timeout, runtime, backend, e, plan, turns, progress);
  }

  public SideCall withTurns(Turns t) {
    return new SideCall(argv, script, timeout, runtime, backend, env, plan, t, progress);
  }

  public SideCall withProgress(Consumer<String> p) {
    return new SideCall(argv, script, timeout, runtime, backend, env, plan, turns, p);
  }

  /** This call's name at the turns: runtime/backend (native/djl, docker/djl, native/python). */
  public String side() {
    return SideNames.side(runtime, backend);
  }

  /** The value of {@code --device} among the settings, "all" when absent. */
  public String requestedDevice() {
    int i = argv.indexOf("--device");
    return i >= 0 && i + 1 < argv.size() ? argv.get(i + 1) : "all";
  }
}
