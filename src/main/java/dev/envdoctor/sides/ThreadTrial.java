package dev.envdoctor.sides;

import dev.envdoctor.model.Calibration;
import dev.envdoctor.protocol.ThreadFacts;

/**
 * What a side said of its threads ({@code threads 0}) and, where torch's own default is below the
 * threads envdoctor times with, the cnn step timed at that default in the same turn.
 *
 * @param facts the threads in effect, the usable CPUs, torch's default
 * @param atDefault the cnn calibration at torch's default threads, or null where none was timed
 */
public record ThreadTrial(ThreadFacts facts, Calibration atDefault) {

  /** Whether a step at torch's default threads is worth timing: the default is known and below the threads in effect. */
  static boolean belowInEffect(ThreadFacts f) {
    return f != null && f.defaultThreads() != null && f.threads() != null && f.defaultThreads() < f.threads();
  }
}
