package dev.envdoctor.sides;

import dev.envdoctor.model.Calibration;
import dev.envdoctor.protocol.ThreadFacts;

/**
 * What a side said of its threads ({@code threads 0}) and, where torch's own default is below the
 * threads envdoctor times with, a small detection step ({@link #POINT}) timed at that default and at
 * those threads in the same turn.
 *
 * @param facts the threads in effect, the usable CPUs, torch's default
 * @param atDefault the step at torch's default threads, or null where none was timed
 * @param atThreads the same step at the threads in effect (null: a report's cnn calibration stands in)
 */
public record ThreadTrial(ThreadFacts facts, Calibration atDefault, Calibration atThreads) {

  /** The trial's step: YOLOv8n at 64 px × 2, about a second at both thread counts on the 2-core VM. */
  public static final String POINT = "yolov8n@64x2";

  /** A trial of the cnn (before the detection step): the side-thread figure is the calibration's. */
  public ThreadTrial(ThreadFacts facts, Calibration atDefault) {
    this(facts, atDefault, null);
  }

  /** Whether a step at torch's default threads is worth timing: the default is known and below the threads in effect. */
  static boolean belowInEffect(ThreadFacts f) {
    return f != null && f.defaultThreads() != null && f.threads() != null && f.defaultThreads() < f.threads();
  }
}
