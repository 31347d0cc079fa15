package dev.envdoctor.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/**
 * {@code runtimes[]}: a side a training job can run on. name: native|docker|podman|nerdctl|container
 * (Apple's container CLI);
 * status: ok|not-installed|unreachable|permission-denied|error; excluded: true where --runtime left
 * this side out of verify and calibrate (probed, never tried), null otherwise.
 */
@RecordBuilder
public record RuntimeInfo(
    String name,
    String kind,
    RuntimeStatus status,
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
    List<String> notes,
    // written only where true: reports of runs that excluded nothing read as before
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean excluded) {

  public RuntimeInfo {
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /** The facts before this run chose its sides: nothing excluded yet. */
  public RuntimeInfo(String name, String kind, RuntimeStatus status, String context, String product, String serverVersion,
      String os, String arch, Integer cpus, Long memoryBytes, String gpuAccess, String diagnosis, String fix,
      List<String> notes) {
    this(name, kind, status, context, product, serverVersion, os, arch, cpus, memoryBytes, gpuAccess, diagnosis, fix,
        notes, null);
  }

  /** Whether the user left this side out (--runtime): then no advice about it. */
  public boolean leftOut() {
    return Boolean.TRUE.equals(excluded);
  }

  public RuntimeInfo excluded(boolean out) {
    return RuntimeInfoBuilder.builder(this).excluded(out ? Boolean.TRUE : null).build();
  }
}
