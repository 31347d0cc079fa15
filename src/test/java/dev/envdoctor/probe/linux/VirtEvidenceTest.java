package dev.envdoctor.probe.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The pure decision, on the evidence machines show (the container ones are checked live in ContainerEvidenceIT). */
class VirtEvidenceTest {

  private static VirtEvidence vm(String dmi, String clock, boolean flag) {
    return new VirtEvidence(dmi, null, clock, flag, null, null, false, "0::/", "", null, null, null, false, null);
  }

  /** The container-side evidence only, no VM evidence. */
  private static VirtEvidence box(String containerEnv, String containerenv, boolean dockerenv, String cgroup, String mountinfo) {
    return new VirtEvidence(null, null, null, false, containerEnv, containerenv, dockerenv, cgroup, mountinfo,
        null, null, null, false, null);
  }

  /** A guest without DMI, of which only the lscpu vendor line, the kernel log and the ACPI OEM ID are given. */
  private static VirtEvidence noDmi(String lscpu, String dmesg, String acpiOem, boolean fwCfg, String cmdline) {
    return new VirtEvidence(null, null, "tsc", true, null, null, false, "0::/", "", lscpu, dmesg, acpiOem, fwCfg, cmdline);
  }

  @Test
  void hypervisorFromFirmwareThenClockThenFlag() {
    assertEquals("kvm", vm("QEMU\nStandard PC (Q35 + ICH9, 2009)\n\nSeaBIOS", "kvm-clock", true).vm(), "the clock names KVM when DMI says QEMU only");
    assertEquals("qemu", vm("QEMU\nStandard PC (Q35 + ICH9, 2009)\n\nSeaBIOS", "tsc", true).vm());
    assertEquals("kvm", vm("Red Hat\nKVM\n\nSeaBIOS", "tsc", true).vm());
    assertEquals("amazon", vm("Amazon EC2\nm7i.large\nAmazon EC2\nAmazon EC2", "tsc", true).vm());
    assertEquals("microsoft", vm("Microsoft Corporation\nVirtual Machine\nMicrosoft Corporation\nMicrosoft Corporation", "hyperv_clocksource_tsc_page", true).vm());
    assertEquals("kvm", vm(null, "kvm-clock", true).vm(), "Firecracker has no DMI: the paravirtual clock tells");
    assertEquals("other", vm(null, "tsc", true).vm());
    assertNull(vm("Dell Inc.\nPowerEdge R750\nDell Inc.\nDell Inc.", "tsc", false).vm(), "bare metal");
  }

  @Test
  void containers() {
    assertEquals("podman", box("podman", null, false, null, null).container());
    assertEquals("podman", box(null, "engine=\"podman-4.3.1\"\n", false, null, null).container());
    assertEquals("docker", box(null, null, true,
        "12:memory:/docker/0123abcd\n", null).container(), "cgroup v1 names docker");
    assertEquals("kubernetes", box(null, null, false,
        "0::/kubepods.slice/kubepods-burstable.slice/cri-containerd-42.scope\n", null).container());
    assertEquals("docker", box(null, null, true, "0::/",
        "700 650 0:61 / / rw,relatime master:1 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/X\n").container(),
        "cgroup v2 with a private namespace shows '/', but the root is an image overlay");
  }

  @Test
  void aDockerenvLeftInAVmImageIsNotAContainer() {
    // this project's machines: a Firecracker VM whose root file system came from a Docker image
    String mountinfo = "26 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard\n"
        + "41 26 254:0 /var/lib/docker /var/lib/docker rw,relatime shared:1 - ext4 /dev/vda rw\n";
    assertNull(new VirtEvidence(null, null, "kvm-clock", true, null, null, true, "0::/process_api/core\n", mountinfo,
        null, null, null, false, null).container());
  }

  @Test
  void constructedStringsCpuidVendorsMapToSystemdNames() {
    // constructed: single "Hypervisor vendor:" lines in lscpu's format, one per vendor name lscpu prints
    assertEquals("kvm", noDmi("Hypervisor vendor:   KVM\n", null, null, false, null).vm());
    assertEquals("microsoft", noDmi("  Hypervisor vendor:      Microsoft\n", null, null, false, null).vm());
    assertEquals("vmware", noDmi("Hypervisor vendor: VMware\n", null, null, false, null).vm());
    assertEquals("xen", noDmi("Hypervisor vendor: Xen\n", null, null, false, null).vm());
    assertEquals("oracle", noDmi("Hypervisor vendor: Innotek GmbH\n", null, null, false, null).vm());
    assertEquals("other", noDmi("Hypervisor vendor: Someone New\n", null, null, false, null).vm(), "named, but not known");
    assertEquals("acrn", noDmi(null, "[    0.000000] Hypervisor detected: ACRN\n", null, false, null).vm(), "the kernel's line");
    assertEquals("microsoft", noDmi(null, "[    0.000000] Hypervisor detected: Microsoft Hyper-V\n", null, false, null).vm());
    assertEquals("other", noDmi(null, null, null, false, null).vm(), "the flag alone: a hypervisor, unnamed");
  }

  @Test
  void constructedStringsProductsFromAcpiOemFwCfgAndTheCommandLine() {
    // constructed: OEM IDs as Firecracker, Cloud Hypervisor and QEMU write them (their sources: FIRECK, CLOUDH, "BOCHS ")
    assertEquals("Firecracker", noDmi("Hypervisor vendor: KVM", null, "FIRECK", false, null).product());
    assertEquals("Cloud Hypervisor", noDmi("Hypervisor vendor: KVM", null, "CLOUDH", false, null).product());
    assertEquals("QEMU", noDmi("Hypervisor vendor: KVM", null, "BOCHS", false, null).product());
    assertEquals("QEMU", noDmi("Hypervisor vendor: KVM", null, null, true, null).product(), "QEMU's fw_cfg device");
    assertEquals("Firecracker", noDmi("Hypervisor vendor: KVM", null, null, false,
        "console=ttyS0 reboot=k panic=1 pci=off virtio_mmio.device=4K@0xd0000000:5\n").product(),
        "Firecracker without ACPI names its virtio-mmio devices on the command line");
    assertEquals("Firecracker", noDmi(null,
        "[    0.001120] ACPI: DSDT 0x000000000009FD44 000F53 (v02 FIRECK FCVMDSDT 00000000 FCAT 20240119)\n",
        null, false, null).product(), "the OEM ID as the kernel logs it, for a non-root user where dmesg is allowed");
    assertNull(noDmi("Hypervisor vendor: KVM", null, null, false, "console=ttyS0\n").product(), "nothing tells");
    assertNull(vm("Dell Inc.\nPowerEdge R750\nDell Inc.\nDell Inc.", "tsc", false).product(), "bare metal: no product");
    assertEquals("Google Compute Engine", vm("Google\nGoogle Compute Engine\nGoogle\nGoogle", "kvm-clock", true).product(),
        "constructed from GCE's documented DMI product name");
  }
}
