package dev.envdoctor.calibrate;

import dev.envdoctor.protocol.BurstLine;
import dev.envdoctor.calibrate.contention.CpuMeter;
import dev.envdoctor.model.Burst;
import dev.envdoctor.model.Contention;
import dev.envdoctor.model.CpuAllowance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One side's turns at the gate: each burst the child timed, with what the machine did meanwhile
 * (the others' CPU: the machine's busy time less the child's and envdoctor's own).
 */
final class BurstLog {

  private final List<Burst> bursts = new ArrayList<>();
  private BurstLine first;
  private BurstLine last;
  private CpuMeter.Sample started;
  private int startedRound;
  private int startedPosition;

  /** Its turn began (the gate answered "go"). */
  void begin(CpuMeter.Sample at, int round, int position) {
    started = at;
    startedRound = round;
    startedPosition = position;
  }

  /** The child is back at the gate with {@code line}: the turn that began last has ended. */
  void end(BurstLine line, CpuMeter.Sample at) {
    if (line == null) {
      return;
    }
    if (first == null) {
      first = line;
    }
    if (started != null) {
      bursts.add(burst(line, at));
    }
    last = line;
    started = null;
  }

  boolean bursting() {
    return first != null;
  }

  BurstLine first() {
    return first;
  }

  List<Burst> bursts() {
    return List.copyOf(bursts);
  }

  /** The CPUs others used during each round's burst (null where unknown). */
  java.util.Map<Integer, Double> others() {
    java.util.Map<Integer, Double> m = new java.util.TreeMap<>();
    bursts.forEach(b -> m.put(b.round(), b.othersCpus()));
    return m;
  }

  /** The bursts of {@code rounds}, by round. */
  java.util.Map<Integer, Burst> byRound(java.util.Set<Integer> rounds) {
    java.util.Map<Integer, Burst> m = new java.util.TreeMap<>();
    bursts.forEach(b -> {
      if (rounds.contains(b.round())) {
        m.put(b.round(), b);
      }
    });
    return m;
  }

  private Burst burst(BurstLine line, CpuMeter.Sample at) {
    double wall = (at.nanoTime() - started.nanoTime()) / 1e9;
    Double cpu = line.cpuMs() == null || last == null || last.cpuMs() == null ? null
        : (line.cpuMs() - last.cpuMs()) / 1e3;
    Double others = null;
    if (at.busySeconds() != null && started.busySeconds() != null && cpu != null && wall > 0) {
      double busy = at.busySeconds() - started.busySeconds();
      double self = at.selfSeconds() - started.selfSeconds();
      others = Math.max(0, busy - cpu - self) / wall;
    }
    Double steal = at.stealSeconds() == null || started.stealSeconds() == null || wall <= 0 ? null
        : (at.stealSeconds() - started.stealSeconds()) / wall;
    Long throttled = line.nrThrottled() == null || last == null || last.nrThrottled() == null ? null
        : line.nrThrottled() - last.nrThrottled();
    Double throttledMs = line.throttledMs() == null || last == null || last.throttledMs() == null ? null
        : line.throttledMs() - last.throttledMs();
    List<Double> steps = line.stepTimesMs();
    // a turn's first step runs on caches the other side's burst just used: it stays in the record,
    // out of the burst's figures (round 0's steps come after a warm-up and are all kept)
    List<Double> timed = startedRound > 0 && steps.size() > BurstPlan.MIN_STEPS
        ? steps.subList(1, steps.size()) : steps;
    StepStats stats = timed.isEmpty() ? null : StepStats.of(timed);
    return new Burst(startedRound, startedPosition, steps, stats == null ? null : stats.medianMs(),
        stats == null ? null : stats.meanMs(), wall * 1e3, cpu == null ? null : cpu * 1e3,
        round(others), round(steal), throttled, throttledMs);
  }

  /** The side's contention over its bursts after the warm-up round. */
  Contention contention(List<String> topOthers, Integer hostCpus) {
    List<Burst> timed = bursts.stream().filter(b -> b.round() > 0).toList();
    if (timed.isEmpty()) {
      return null;
    }
    Double others = mean(timed.stream().map(Burst::othersCpus).toList());
    Double max = timed.stream().map(Burst::othersCpus).filter(java.util.Objects::nonNull).max(Double::compare)
        .orElse(null);
    Double steal = mean(timed.stream().map(Burst::stealCpus).toList());
    Long n = timed.stream().map(Burst::nrThrottled).filter(java.util.Objects::nonNull).reduce(Long::sum).orElse(null);
    Double ms = timed.stream().map(Burst::throttledMs).filter(java.util.Objects::nonNull).reduce(Double::sum)
        .orElse(null);
    return new Contention(others, max, steal, n, ms, topOthers, hostCpus);
  }

  CpuAllowance allowance() {
    return first == null ? null : first.allowance();
  }

  private static Double mean(List<Double> values) {
    List<Double> known = values.stream().filter(java.util.Objects::nonNull).toList();
    return known.isEmpty() ? null : round(known.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
  }

  private static Double round(Double v) {
    return v == null ? null : Math.round(v * 1000) / 1000.0;
  }

  /** The short ids of the bursting sides' containers (their host names), whose processes are the sides' own. */
  static List<String> containerIds(Collection<BurstLog> logs) {
    return logs.stream().map(BurstLog::first).filter(Objects::nonNull).map(BurstLine::host).filter(Objects::nonNull)
        .toList();
  }
}
