package dev.envdoctor.probe.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The pure decision, on the evidence machines show (the container ones are checked live in ContainerEvidenceIT). */
class VirtEvidenceTest {

  private static VirtEvidence vm(String dmi, String clock, boolean flag) {
    return new VirtEvidence(dmi, null, clock, flag, null, null, false, "0::/", "");
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
    assertEquals("podman", new VirtEvidence(null, null, null, false, "podman", null, false, null, null).container());
    assertEquals("podman", new VirtEvidence(null, null, null, false, null, "engine=\"podman-4.3.1\"\n", false, null, null).container());
    assertEquals("docker", new VirtEvidence(null, null, null, false, null, null, true,
        "12:memory:/docker/0123abcd\n", null).container(), "cgroup v1 names docker");
    assertEquals("kubernetes", new VirtEvidence(null, null, null, false, null, null, false,
        "0::/kubepods.slice/kubepods-burstable.slice/cri-containerd-42.scope\n", null).container());
    assertEquals("docker", new VirtEvidence(null, null, null, false, null, null, true, "0::/",
        "700 650 0:61 / / rw,relatime master:1 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/X\n").container(),
        "cgroup v2 with a private namespace shows '/', but the root is an image overlay");
  }

  @Test
  void aDockerenvLeftInAVmImageIsNotAContainer() {
    // this project's machines: a Firecracker VM whose root file system came from a Docker image
    String mountinfo = "26 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard\n"
        + "41 26 254:0 /var/lib/docker /var/lib/docker rw,relatime shared:1 - ext4 /dev/vda rw\n";
    assertNull(new VirtEvidence(null, null, "kvm-clock", true, null, null, true, "0::/process_api/core\n", mountinfo).container());
  }
}
