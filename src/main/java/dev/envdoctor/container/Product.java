package dev.envdoctor.container;

/**
 * Which product runs the engine. vmOnMac: a Linux VM on macOS, where containers cannot reach
 * Metal, so PyTorch in them trains on CPU only.
 */
public enum Product {
  DOCKER_DESKTOP("Docker Desktop", true),
  ORBSTACK("OrbStack", true),
  COLIMA("Colima", true),
  RANCHER_DESKTOP("Rancher Desktop", true),
  PODMAN_MACHINE_APPLEHV("Podman machine (applehv)", true),
  PODMAN_MACHINE_LIBKRUN("Podman machine (libkrun)", true),
  PODMAN_MACHINE("Podman machine", true),
  APPLE_CONTAINER("Apple container", true),
  LINUX_VM_ON_MAC("a Linux VM on macOS", true),
  DOCKER_ENGINE("Docker Engine on Linux", false),
  PODMAN_NATIVE("Podman on Linux", false),
  NERDCTL_NATIVE("containerd (nerdctl) on Linux", false),
  DOCKER_DESKTOP_WINDOWS("Docker Desktop (WSL 2)", false),
  UNKNOWN("unknown", false);

  private final String label;
  private final boolean vmOnMac;

  Product(String label, boolean vmOnMac) {
    this.label = label;
    this.vmOnMac = vmOnMac;
  }

  public String label() {
    return label;
  }

  public boolean vmOnMac() {
    return vmOnMac;
  }
}
