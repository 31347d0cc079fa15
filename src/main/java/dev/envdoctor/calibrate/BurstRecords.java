package dev.envdoctor.calibrate;

import dev.envdoctor.model.CalibrationBuilder;
import dev.envdoctor.protocol.SideNames;
import dev.envdoctor.model.Burst;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.Contention;
import dev.envdoctor.model.CpuAllowance;
import dev.envdoctor.model.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gate saw of each bursting side ("runtime/backend"), put into the report: the side's
 * calibration of the burst workload on its burst device gets its bursts, the contention during
 * them and the CPUs the side said it may use; its projection calibrations (the job's network, timed
 * in a turn of their own after the bursts) get the contention during that turn.
 */
public record BurstRecords(Map<String, SideRecord> sides) {

  /** projection: what contended with the side's projection turn; null where it had none or nothing was read. */
  public record SideRecord(String device, String workload, List<Burst> bursts, Contention contention,
      CpuAllowance allowance, Contention projection) {}

  public BurstRecords {
    sides = Map.copyOf(sides);
  }

  /** What a gate saw of each bursting side: its bursts, what contended with them, and with its projection turn. */
  static BurstRecords of(Map<String, BurstLog> logs, List<String> topOthers, Integer hostCpus, ProjectionTurns turns) {
    Map<String, SideRecord> sides = new LinkedHashMap<>();
    logs.forEach((side, log) -> {
      if (log.bursting()) {
        sides.put(side, new SideRecord(log.first().device(), log.first().workload(), log.bursts(),
            log.contention(topOthers, hostCpus), log.allowance(), turns.of(side)));
      }
    });
    return new BurstRecords(sides);
  }

  /** The report with each matching calibration annotated (those already annotated are left as they are). */
  public Report annotate(Report report) {
    if (sides.isEmpty()) {
      return report;
    }
    List<Calibration> out = new ArrayList<>();
    boolean changed = false;
    for (Calibration c : report.calibrations()) {
      SideRecord s = sides.get(SideNames.side(c.runtime(), c.backend()));
      if (s != null && c.bursts().isEmpty() && s.device().equals(c.device()) && s.workload().equals(c.workload())) {
        out.add(pooled(c, s.bursts()).withBursts(s.bursts(), s.contention(), s.allowance()));
        changed = true;
      } else if (s != null && s.projection() != null && c.contention() == null
          && ProjectionPlan.isPoint(c)) {
        out.add(c.withBursts(List.of(), s.projection(), c.allowance()));
        changed = true;
      } else {
        out.add(c);
      }
    }
    return changed ? report.withCalibrations(out) : report;
  }

  /**
   * The calibration's figures from its bursts after the warm-up round, pooled: the first
   * calibration, warm-up and start-up drift included, no longer stands for the side once there
   * are rounds to judge it by.
   */
  static Calibration pooled(Calibration c, List<Burst> bursts) {
    List<Double> steps = bursts.stream().filter(b -> b.round() > 0).flatMap(b -> b.stepTimesMs().stream()).toList();
    if (steps.isEmpty() || c.batch() == null) {
      return c;
    }
    StepStats s = StepStats.of(steps);
    return CalibrationBuilder.builder(c)
        .steps(steps.size())
        .medianMs(s.medianMs())
        .p10Ms(s.p10Ms())
        .p90Ms(s.p90Ms())
        .cv(s.cv())
        .samplesPerSecond(s.samplesPerSecond(c.batch()))
        .achievedGflops(c.flopsPerStep() == null ? null : s.achievedGflops(c.flopsPerStep()))
        .stepTimesMs(steps)
        .bursts(null)
        .contention(null)
        .allowance(null)
        .build();
  }
}
