package dev.envdoctor.model;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/**
 * {@code devices[]}: one device on one side, verified only when it computed a forward and backward
 * pass that matched the CPU. backend: djl|python. stderrTail: the child's last lines when it failed.
 */
@RecordBuilder
public record DeviceResult(
    String runtime,
    Backend backend,
    String device,
    String name,
    Boolean verified,
    Double maxAbsError,
    Double tolerance,
    String diagnosis,
    String fix,
    List<String> stderrTail) {

  public DeviceResult {
    stderrTail = stderrTail == null ? List.of() : List.copyOf(stderrTail);
  }
}
