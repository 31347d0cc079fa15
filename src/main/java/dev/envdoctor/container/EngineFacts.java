package dev.envdoctor.container;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/**
 * What an engine says about itself (docker info, podman info, nerdctl info), in one shape for all
 * of them. arch is normalised (x86_64, aarch64); memoryBytes and cpus are what the engine, or the
 * VM it runs in, grants to containers. cdiDevices are CDI device names the engine discovered
 * ({@code nvidia.com/gpu=0}); runtimes are the OCI runtimes it offers ({@code nvidia}).
 */
@RecordBuilder
public record EngineFacts(
    String serverVersion,
    String operatingSystem,
    String osType,
    String arch,
    Integer cpus,
    Long memoryBytes,
    String kernel,
    String name,
    String clientContext,
    List<String> runtimes,
    String defaultRuntime,
    List<String> cdiSpecDirs,
    List<String> cdiDevices,
    boolean rootless) {

  public EngineFacts {
    runtimes = runtimes == null ? List.of() : List.copyOf(runtimes);
    cdiSpecDirs = cdiSpecDirs == null ? List.of() : List.copyOf(cdiSpecDirs);
    cdiDevices = cdiDevices == null ? List.of() : List.copyOf(cdiDevices);
  }

  public boolean hasNvidiaRuntime() {
    return runtimes.stream().anyMatch(r -> r.toLowerCase(java.util.Locale.ROOT).contains("nvidia"));
  }

  public boolean hasNvidiaCdiDevice() {
    return cdiDevices.stream().anyMatch(d -> d.startsWith("nvidia.com/gpu"));
  }
}
