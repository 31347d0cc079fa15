package dev.envdoctor.model;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/**
 * {@code race}: the user's own command timed natively and inside their image, interleaved.
 *
 * @param command   the command as given (redacted like the rest of a shared report)
 * @param until     the pattern each run was timed to (its first matching output line), or null: to the end
 * @param sides     native first, then the container
 * @param ratio     the container's median wall time over native's: above 1, native is faster; null without pairs
 * @param low       2.5% end of the ratio's interval, from the pairs (drift slower than a pair cancels)
 * @param high      97.5% end
 * @param pairs     how many timed pairs (the warm-up pair is not counted)
 * @param decision  native-faster | container-faster | parity | undecided | failed ({@link RaceOutcome})
 * @param verdict   the verdict in words
 * @param scale     the factor from the measured run to the full job, or null
 * @param log       the file with the command's own output, beside the report
 * @param notes     what else the race found: GPU flags used or not (and why), emulation, the warm-up
 */
@RecordBuilder
public record Race(
    List<String> command,
    String until,
    List<RaceSide> sides,
    Double ratio,
    Double low,
    Double high,
    Integer pairs,
    RaceOutcome decision,
    String verdict,
    Double scale,
    String log,
    List<String> notes) {

  public Race {
    command = command == null ? List.of() : List.copyOf(command);
    sides = sides == null ? List.of() : List.copyOf(sides);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /**
   * One side of the race.
   *
   * @param runtime       native, docker, podman, ...
   * @param image         the image (null natively)
   * @param arch          the architecture the side's binaries really run as (uname -m inside the container)
   * @param emulated      true when that differs from the engine's own: every instruction is translated
   * @param wallSeconds   each timed run's wall time, in run order (the warm-up run is not among them)
   * @param exitCode      the last run's exit code (null when it was stopped at --until's line)
   * @param status        ok | failed | timed-out | not-run ({@link RaceStatus})
   * @param medianSeconds the median of wallSeconds
   * @param projectedHours medianSeconds × scale, in hours; null without --scale
   * @param lastLines     the last lines of output of a run that failed
   */
  public record RaceSide(
      String runtime,
      String image,
      String arch,
      Boolean emulated,
      List<Double> wallSeconds,
      Integer exitCode,
      RaceStatus status,
      Double medianSeconds,
      Double projectedHours,
      List<String> lastLines) {

    public RaceSide {
      wallSeconds = wallSeconds == null ? List.of() : List.copyOf(wallSeconds);
      lastLines = lastLines == null ? List.of() : List.copyOf(lastLines);
    }
  }
}
