package dev.envdoctor.container.parse;

/**
 * One Podman machine (the VM podman runs containers in on macOS/Windows). provider: applehv,
 * libkrun, qemu, wsl, hyperv; memoryBytes from Resources.Memory (MiB).
 */
public record PodmanMachine(String name, String provider, String state, Integer cpus, Long memoryBytes, Boolean rootful) {

  public boolean running() {
    return "running".equalsIgnoreCase(state);
  }
}
