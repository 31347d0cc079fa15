package dev.envdoctor.model;

/**
 * {@code host.virtualization}: e.g. vm "kvm", container "docker", product "Firecracker"; null when
 * none or unknown. {@code vm} is the hypervisor in systemd-detect-virt's names; {@code product} is the
 * virtual machine monitor or cloud that offers the guest, where the guest can tell (KVM runs under
 * QEMU, Firecracker, Cloud Hypervisor, EC2 Nitro, ...).
 */
public record Virtualization(String vm, String container, String product) {

  /** No product known: what Windows and macOS can tell. */
  public Virtualization(String vm, String container) {
    this(vm, container, null);
  }
}
