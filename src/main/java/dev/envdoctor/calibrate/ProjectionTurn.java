package dev.envdoctor.calibrate;

import dev.envdoctor.calibrate.contention.CpuMeter;
import dev.envdoctor.calibrate.contention.ProcStat;
import dev.envdoctor.model.Contention;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A side's projection turn at the gate, metered as its bursts are: what other processes took of the
 * CPUs while the job's network was timed. The points' steps are long and few, so load during them
 * stretches the projection most (a run whose points ran 19–55× slow was not called contended while
 * only the bursts were metered: docs/benchmarks.md). Per process, not the machine's busy time less
 * the child's: the child has ended by the time its turn is over.
 */
final class ProjectionTurn {

  private final CpuMeter.Sample started;
  private final Map<Long, ProcStat.Proc> before;

  private ProjectionTurn(CpuMeter.Sample started, Map<Long, ProcStat.Proc> before) {
    this.started = started;
    this.before = before;
  }

  static ProjectionTurn begin(CpuMeter meter) {
    return new ProjectionTurn(meter.sample(), meter.processes());
  }

  /**
   * What contended with the turn, now that it is over; null where the meter reads nothing.
   * {@code containers}: the short ids of the sides' containers, whose processes are the sides' own.
   */
  Contention end(CpuMeter meter, List<String> containers) {
    CpuMeter.Sample at = meter.sample();
    Map<Long, ProcStat.Proc> after = meter.processes();
    double seconds = (at.nanoTime() - started.nanoTime()) / 1e9;
    if (after.isEmpty() || before.isEmpty() || seconds <= 0) {
      return null;
    }
    Set<Long> mine = new HashSet<>(meter.mine());
    after.keySet().forEach(pid -> {
      if (containers.stream().anyMatch(id -> meter.inContainer(pid, id))) {
        mine.add(pid);
      }
    });
    double others = round(ProcStat.othersCpus(before, after, mine, seconds));
    Double steal = at.stealSeconds() == null || started.stealSeconds() == null ? null
        : round((at.stealSeconds() - started.stealSeconds()) / seconds);
    return new Contention(others, others, steal, null, null, ProcStat.top(before, after, mine, seconds, 3), at.cpus());
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
