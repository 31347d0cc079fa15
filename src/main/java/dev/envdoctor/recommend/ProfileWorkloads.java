package dev.envdoctor.recommend;

import dev.envdoctor.check.CheckStage;
import dev.envdoctor.model.Recommendation.Workload;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code workload:} section of a check profile (its own, else the nearest include's), read by
 * the check stage's loader: one parser, so a bad profile gets the same {@code file:line:column}
 * message and exit 2 whether doctor, check or recommend meets it first.
 */
public final class ProfileWorkloads {

  private ProfileWorkloads() {}

  /** The profile's workload, or empty when it states none. A missing or bad profile is bad input. */
  public static Optional<Workload> find(String ref, Path workDir) {
    return Optional.ofNullable(CheckStage.load(workDir, ref).workload());
  }
}
