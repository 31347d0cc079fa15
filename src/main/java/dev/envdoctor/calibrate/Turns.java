package dev.envdoctor.calibrate;

import dev.envdoctor.calibrate.contention.CpuMeter;
import dev.envdoctor.protocol.BurstLine;
import dev.envdoctor.protocol.GateLines;
import java.time.Duration;

/** TEMPORARY seam over CalibrationGate; replaced by the monitor over RoundScheduler. */
public final class Turns {

  public enum Turn { GO, END }

  private final CalibrationGate gate;

  public Turns() {
    gate = new CalibrationGate();
  }

  public Turns(BurstPlan plan, CpuMeter meter, long seed) {
    gate = new CalibrationGate(plan, meter, seed);
  }

  public BurstPlan plan() {
    return gate.plan();
  }

  public static Duration patience(Duration timeout) {
    return CalibrationGate.patience(timeout);
  }

  public void register(String side) {
    gate.register(side);
  }

  public void allRegistered() {
    gate.allRegistered();
  }

  public Turn next(String side, BurstLine line, Duration max) {
    String a = gate.nextAfter(side, line, max);
    return a == null ? null : a.equals(GateLines.GO) ? Turn.GO : Turn.END;
  }

  public void finish(String side) {
    gate.finish(side);
  }

  public BurstRecords records() {
    return gate.records();
  }
}
