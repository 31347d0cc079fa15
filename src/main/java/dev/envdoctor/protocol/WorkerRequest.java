package dev.envdoctor.protocol;

import java.util.List;

/**
 * What the parent asked a worker to do (its command-line arguments, parsed).
 *
 * @param device all, cpu, cuda, cuda:N or mps
 * @param verify run the forward/backward check on each device
 * @param calibrate time training steps on each verified device
 * @param workloads mlp, cnn
 * @param batch batch size, or null for each workload's default
 * @param imgsz image side of the cnn workload
 * @param steps most timed steps per calibration
 * @param seconds most seconds of timed steps per calibration
 * @param threads CPU threads for libtorch (intra-op)
 * @param gate after verifying, print the gate line and wait for a line on stdin before calibrating
 * @param project the projection's calibration points (yolov8n@160x2), timed after the workloads
 * @param bursts with the gate: seconds per burst of the verdict's workload after the calibrations (0: none)
 */
public record WorkerRequest(
    String device,
    boolean verify,
    boolean calibrate,
    List<String> workloads,
    Integer batch,
    int imgsz,
    int steps,
    double seconds,
    int threads,
    boolean gate,
    List<String> project,
    double bursts) {

  public WorkerRequest {
    workloads = List.copyOf(workloads);
    project = project == null ? List.of() : List.copyOf(project);
  }

  /** A request without projection points. */
  public WorkerRequest(String device, boolean verify, boolean calibrate, List<String> workloads, Integer batch,
      int imgsz, int steps, double seconds, int threads, boolean gate) {
    this(device, verify, calibrate, workloads, batch, imgsz, steps, seconds, threads, gate, List.of(), 0);
  }
}
