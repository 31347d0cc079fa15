package dev.envdoctor.cli;

import dev.envdoctor.run.RunOptions;
import dev.envdoctor.run.RunFailure;
import dev.envdoctor.check.path.Nearest;
import dev.envdoctor.container.ContainerEngine;
import dev.envdoctor.container.Engines;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The values --runtime, --backend and --device accept, checked before anything runs: a misspelled
 * side is a usage error (exit 2) with the nearest name, not a run that silently verifies nothing.
 */
final class RunOptionValues {

  private RunOptionValues() {}

  static void check(RunOptions o) {
    List<String> runtimes = new ArrayList<>(List.of("native", "all"));
    Engines.all().stream().map(ContainerEngine::name).forEach(runtimes::add);
    each("--runtime", o.runtime(), runtimes);
    each("--backend", o.backend(), List.of("djl", "python", "all"));
    String device = o.device() == null ? "all" : o.device().strip().toLowerCase(Locale.ROOT);
    if (!device.matches("all|cpu|mps|cuda|gpu|(cuda|gpu):\\d+")) {
      throw RunFailure.badInput("unknown device '" + o.device() + "' (--device): use all, cpu, cuda, cuda:N or mps"
          + Nearest.hint(device, List.of("all", "cpu", "cuda", "mps")));
    }
  }

  /** A comma list whose every item is one of {@code allowed}. */
  private static void each(String option, String value, List<String> allowed) {
    if (value == null) {
      return;
    }
    for (String item : value.split(",", -1)) {
      String name = item.strip();
      if (!allowed.contains(name)) {
        throw RunFailure.badInput("unknown value '" + name + "' for " + option + ": use "
            + String.join(", ", allowed) + " (a comma list names several)" + Nearest.hint(name, allowed));
      }
    }
  }
}
