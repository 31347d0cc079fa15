package dev.envdoctor.python;

import dev.envdoctor.calibrate.ProjectionPoint;
import dev.envdoctor.calibrate.Turns;
import dev.envdoctor.sides.SidePlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tests' short way to ask the Python side for something: what to do as the words the tests
 * think in (verify, calibrate, peak; --workloads, --project, --project-gpu, --peak-cpu), turned into
 * the plan the parent sends as commands and the settings the script starts with.
 */
final class ScriptRuns {

  private ScriptRuns() {}

  static PythonBackend.Run run(PythonBackend backend, Path python, List<String> modes, List<String> options,
      Duration timeout) {
    return run(backend, python, modes, options, timeout, null);
  }

  static PythonBackend.Run run(PythonBackend backend, Path python, List<String> modes, List<String> options,
      Duration timeout, Turns turns) {
    List<String> settings = new ArrayList<>();
    List<String> workloads = List.of("mlp", "cnn");
    List<ProjectionPoint.Planned> cpu = List.of();
    List<ProjectionPoint.Planned> gpu = null;
    boolean peakCpu = false;
    for (int i = 0; i < options.size(); i++) {
      String o = options.get(i);
      switch (o) {
        case "--workloads" -> workloads = Arrays.asList(options.get(++i).split(","));
        case "--project" -> cpu = ProjectionPoint.parsePlan(Arrays.asList(options.get(++i).split(",")));
        case "--project-gpu" -> gpu = ProjectionPoint.parsePlan(Arrays.asList(options.get(++i).split(",")));
        case "--peak-cpu" -> peakCpu = true;
        default -> settings.add(o);
      }
    }
    SidePlan plan = modes.contains("calibrate") ? SidePlan.calibrating(workloads).withPoints(cpu, gpu == null ? cpu : gpu)
        : modes.contains("peak") ? SidePlan.calibrating(List.of()) : SidePlan.VERIFY;
    if (modes.contains("peak")) {
      plan = plan.withPeaks(true, peakCpu);
    }
    return backend.run(python, plan.withBursts(SidePlan.burstSeconds(turns)), settings, timeout, turns, null);
  }
}
