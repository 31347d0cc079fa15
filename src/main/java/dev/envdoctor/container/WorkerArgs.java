package dev.envdoctor.container;

import dev.envdoctor.doctor.Phase;
import dev.envdoctor.doctor.RunContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The worker arguments and time budget of an in-container run, from the command's options. */
final class WorkerArgs {

  private WorkerArgs() {}

  static List<String> of(RunContext ctx) {
    List<String> args = new ArrayList<>(List.of("--device", ctx.options().device == null ? "all" : ctx.options().device,
        "--verify"));
    if (ctx.runs(Phase.CALIBRATE)) {
      args.add("--calibrate");
      if (ctx.options().full()) {
        args.addAll(List.of("--steps", "200", "--seconds", "5"));
      }
    }
    return args;
  }

  /** Container start, JVM start, libtorch load and the work itself, on a slow shared machine too. */
  static Duration timeout(RunContext ctx) {
    if (!ctx.runs(Phase.CALIBRATE)) {
      return Duration.ofSeconds(120);
    }
    return ctx.options().full() ? Duration.ofSeconds(600) : Duration.ofSeconds(240);
  }
}
