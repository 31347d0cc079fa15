package dev.envdoctor.sides;

import dev.envdoctor.calibrate.ProjectionPoint;
import dev.envdoctor.calibrate.Turns;
import dev.envdoctor.model.Recommendation.Workload;
import java.util.List;

/**
 * What the parent asks one side, after it greets and verifies every device it offers
 * (docs/side-protocol.md). The same plan drives the Java worker and the Python script.
 *
 * @param calibrate time the workloads on each verified device, at the side's turn
 * @param workloads mlp, cnn
 * @param cpuPoints the projection's points on the CPU, timed after the workloads
 * @param gpuPoints the projection's points on a GPU
 * @param burstSeconds seconds per burst of the verdict's workload between turns; 0: no bursts
 * @param peaks the peak tests on each verified GPU
 * @param peakCpu the peak tests on the CPU too (tests)
 * @param threadTrial ask the side its threads and, where torch's default is below them, time the cnn
 *     step at that default too (a finding with a measured gain, issue #29)
 * @param job the job the points project (issue #29): its trainer's settings are worked out on the side
 *     and the points timed in them; with {@code jobParts}, its input pipeline, validation and, where
 *     workers share the CPUs with the step, both together. Null: the points at the side's own settings
 * @param jobParts whether the side times the job's other parts (the Python sides; DJL has no pipeline)
 * @param asTrainer whether the CPU points are timed at the trainer's threads and a better CPU setting
 *     (more threads, workers) on the job's network too: for a job the user named; doctor's example
 *     job (--full too) times them at the side's own threads and says so
 */
public record SidePlan(boolean calibrate, List<String> workloads, List<ProjectionPoint.Planned> cpuPoints,
    List<ProjectionPoint.Planned> gpuPoints, double burstSeconds, boolean peaks, boolean peakCpu, boolean threadTrial,
    Workload job, boolean jobParts, boolean asTrainer) {

  public SidePlan {
    workloads = List.copyOf(workloads);
    cpuPoints = List.copyOf(cpuPoints);
    gpuPoints = List.copyOf(gpuPoints);
  }

  /** Verify only. */
  public static final SidePlan VERIFY = new SidePlan(false, List.of(), List.of(), List.of(), 0, false, false, false, null, false, false);

  /** Verify, then calibrate {@code workloads}: no projection, no bursts, no peaks. */
  public static SidePlan calibrating(List<String> workloads) {
    return new SidePlan(true, workloads, List.of(), List.of(), 0, false, false, false, null, false, false);
  }

  public SidePlan withPoints(List<ProjectionPoint.Planned> cpu, List<ProjectionPoint.Planned> gpu) {
    return new SidePlan(calibrate, workloads, cpu, gpu, burstSeconds, peaks, peakCpu, threadTrial, job, jobParts, asTrainer);
  }

  public SidePlan withBursts(double seconds) {
    return new SidePlan(calibrate, workloads, cpuPoints, gpuPoints, seconds, peaks, peakCpu, threadTrial, job, jobParts, asTrainer);
  }

  public SidePlan withPeaks(boolean on, boolean cpuToo) {
    return new SidePlan(calibrate, workloads, cpuPoints, gpuPoints, burstSeconds, on, cpuToo, threadTrial, job, jobParts, asTrainer);
  }

  public SidePlan withThreadTrial(boolean on) {
    return new SidePlan(calibrate, workloads, cpuPoints, gpuPoints, burstSeconds, peaks, peakCpu, on, job, jobParts, asTrainer);
  }

  /** The points timed in the settings {@code w}'s trainer would use on the side; with {@code parts}, its other parts too. */
  public SidePlan withJob(Workload w, boolean parts, boolean trials) {
    return new SidePlan(calibrate, workloads, cpuPoints, gpuPoints, burstSeconds, peaks, peakCpu, threadTrial, w, parts, trials);
  }

  /** The seconds of a burst at these turns: none without turns or without rounds. */
  public static double burstSeconds(Turns turns) {
    return turns == null ? 0 : turns.plan().sideBurstSeconds();
  }

  /** The points for {@code device}. */
  public List<ProjectionPoint.Planned> points(String device) {
    return "cpu".equals(device) ? cpuPoints : gpuPoints;
  }

  public boolean projects() {
    return !cpuPoints.isEmpty() || !gpuPoints.isEmpty();
  }
}
