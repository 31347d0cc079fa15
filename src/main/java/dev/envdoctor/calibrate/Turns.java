package dev.envdoctor.calibrate;

import dev.envdoctor.calibrate.contention.CpuMeter;
import dev.envdoctor.calibrate.contention.ProcStat;
import dev.envdoctor.protocol.BurstLine;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Lets every side start at once and calibrate one at a time, then take turns in bursts: the gate
 * each side's child waits at (native DJL, the Python backend, each container runtime). Each side
 * registers before its child starts; the child verifies, then waits here for its turn. Whose turn it
 * is, and when the bursts stop, is {@link RoundScheduler}'s to decide (docs/calibration.md, "How a
 * round is scheduled"); this class only makes the sides' threads wait for its answers, and measures
 * what the scheduler is fed: the seconds since the rounds started, and what the machine's CPUs did
 * during each turn (a measurement, never the scheduler's state). A side whose child died simply
 * finishes. One per run.
 */
public final class Turns {

  /** A side's answer: its turn, or the end of its bursts. */
  public enum Turn { GO, END }

  private final BurstPlan plan;
  private final CpuMeter meter;
  private final RoundScheduler rounds;
  /** Each projection turn from its "go" to its side's finish, and what contended with it once over. */
  private final ProjectionTurns projections = new ProjectionTurns();
  /** When the rounds after round 0 started, and every process's CPU time then (null before). */
  private long roundsStarted;
  private Map<Long, ProcStat.Proc> processesBefore;
  private List<String> topOthers = List.of();
  private Integer hostCpus;

  /** One at a time, no bursts. */
  public Turns() {
    this(BurstPlan.NONE, CpuMeter.NONE, 0);
  }

  /** {@code seed}: the rounds' shuffle. */
  public Turns(BurstPlan plan, CpuMeter meter, long seed) {
    this.plan = plan;
    this.meter = meter;
    this.rounds = new RoundScheduler(plan, seed);
  }

  public BurstPlan plan() {
    return plan;
  }

  /** How long a side waits for a side that never gets here (hung in its start-up): half its time limit. */
  public static Duration patience(Duration timeout) {
    return timeout.dividedBy(2);
  }

  public synchronized void register(String side) {
    rounds.register(side);
  }

  /** Every side that will come has registered: the turns may begin. */
  public synchronized void allRegistered() {
    rounds.allRegistered();
    notifyAll();
  }

  /**
   * The side is back (its turn, if it held one, ended with {@code line}; null for a plain wait) and
   * waits for its next turn. GO: its turn (it holds it until it is back or finished); END: its bursts
   * are over; null: the side finished meanwhile. Once {@code max} has passed: GO, so a stuck side
   * never hangs the others for good, or END for a bursting side not yet ended. Interrupted: END
   * unless finished.
   */
  public synchronized Turn next(String side, BurstLine line, Duration max) {
    rounds.back(side, line, line == null ? null : meter.sample());
    rounds.arrive(side);
    notifyAll();
    long end = System.nanoTime() + max.toNanos();
    while (true) {
      RoundScheduler.Decision d = rounds.decide(side, processesBefore == null ? 0 : (System.nanoTime() - roundsStarted) / 1e9);
      if (d.roundsStarted()) {
        roundsStarted = System.nanoTime();
        processesBefore = meter.processes();
      }
      if (d.roundsOver()) {
        close();
      }
      switch (d.kind()) {
        case FINISHED:
          return null;
        case GO:
          rounds.began(side, meter.sample());
          return Turn.GO;
        case PROJECT:
          projections.begin(side, meter);
          return Turn.GO;
        case END:
          return Turn.END;
        case WAIT:
        default:
          break;
      }
      long left = end - System.nanoTime();
      if (left <= 0) {
        return rounds.timedOut(side) == RoundScheduler.Kind.END ? Turn.END : Turn.GO;
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return rounds.interrupted(side) == RoundScheduler.Kind.FINISHED ? null : Turn.END;
      }
    }
  }

  /** The side's child has ended (done, failed, killed or never started): the next may go. */
  public synchronized void finish(String side) {
    rounds.register(side);
    projections.end(side, meter, BurstLog.containerIds(rounds.logs().values()));
    rounds.finish(side);
    notifyAll();
  }

  /** The rounds are over: what other processes took of the CPUs while they ran. */
  private void close() {
    double seconds = (System.nanoTime() - roundsStarted) / 1e9;
    CpuMeter.Sample s = meter.sample();
    hostCpus = s.cpus();
    var others = processesBefore == null || seconds <= 0 ? null
        : meter.othersSince(processesBefore, BurstLog.containerIds(rounds.logs().values()), seconds);
    topOthers = others == null ? List.of() : others.top();
    notifyAll();
  }

  /** What the turns saw of each side, for the report (see {@link BurstRecords}). */
  public synchronized BurstRecords records() {
    return BurstRecords.of(rounds.logs(), topOthers, hostCpus, projections);
  }
}
