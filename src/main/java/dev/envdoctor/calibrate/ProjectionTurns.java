package dev.envdoctor.calibrate;

import dev.envdoctor.calibrate.contention.CpuMeter;
import dev.envdoctor.calibrate.contention.ProcStat;
import dev.envdoctor.model.Contention;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sides' projection turns at the gate, metered as their bursts are: what other processes took of
 * the CPUs while the job's network was timed. The points' steps are long and few, so load during them
 * stretches the projection most (a run whose points ran 19–55× slow was not called contended while
 * only the bursts were metered: docs/benchmarks.md). Per process ({@link CpuMeter#othersSince}), not
 * the machine's busy time less the child's: the child has ended by the time its turn is over. The
 * gate calls it while it holds its lock.
 */
final class ProjectionTurns {

  private record Started(CpuMeter.Sample at, Map<Long, ProcStat.Proc> processes) {}

  private final Map<String, Started> open = new HashMap<>();
  private final Map<String, Contention> metered = new HashMap<>();

  /** {@code side}'s projection turn starts now. */
  void begin(String side, CpuMeter meter) {
    open.put(side, new Started(meter.sample(), meter.processes()));
  }

  /**
   * {@code side}'s child has finished: its turn, if it had one, is over. {@code containers}: the short
   * ids of the sides' containers, whose processes are the sides' own.
   */
  void end(String side, CpuMeter meter, List<String> containers) {
    Started started = open.remove(side);
    if (started == null) {
      return;
    }
    CpuMeter.Sample at = meter.sample();
    double seconds = (at.nanoTime() - started.at().nanoTime()) / 1e9;
    if (started.processes().isEmpty() || seconds <= 0) {
      return; // the meter reads nothing here
    }
    ProcStat.Others others = meter.othersSince(started.processes(), containers, seconds);
    if (others == null) {
      return;
    }
    double cpus = round(others.cpus());
    Double steal = at.stealSeconds() == null || started.at().stealSeconds() == null ? null
        : round((at.stealSeconds() - started.at().stealSeconds()) / seconds);
    metered.put(side, new Contention(cpus, cpus, steal, null, null, others.top(), at.cpus()));
  }

  /** What contended with {@code side}'s turn, or null (no turn, or nothing read). */
  Contention of(String side) {
    return metered.get(side);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
