package dev.envdoctor.model;

import java.util.List;

/**
 * {@code runtimes[]}: a side a training job can run on. name: native|docker|podman|nerdctl|container
 * (Apple's container CLI);
 * status: ok|not-installed|unreachable|permission-denied|error.
 */
public record RuntimeInfo(
    String name,
    String kind,
    String status,
    String context,
    String product,
    String serverVersion,
    String os,
    String arch,
    Integer cpus,
    Long memoryBytes,
    String gpuAccess,
    String diagnosis,
    String fix,
    List<String> notes) {

  public RuntimeInfo {
    notes = notes == null ? List.of() : List.copyOf(notes);
  }
}
