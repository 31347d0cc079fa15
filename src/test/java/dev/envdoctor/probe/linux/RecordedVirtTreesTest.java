package dev.envdoctor.probe.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envdoctor.model.Virtualization;
import dev.envdoctor.probe.Recorded;
import dev.envdoctor.probe.Tool;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Linux platform's reading and decision on recorded trees (recorded/linux/CASE/root, with the
 * lscpu and dmesg outputs beside it; SOURCES.md says where each came from).
 */
class RecordedVirtTreesTest {

  private static Path root(String machine) {
    try {
      return Path.of(RecordedVirtTreesTest.class.getResource("/recorded/linux/" + machine + "/root").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Virtualization read(String machine, Recorded tools) {
    return LinuxPlatform.create(new Tool(tools), Map.of(), root(machine)).virtualization().read();
  }

  @Test
  void firecrackerGuestWithoutDmiIsKvmByCpuidAndFirecrackerByItsAcpiTables() {
    Recorded tools = new Recorded().ok("linux/firecracker-kvm/lscpu.txt", "lscpu")
        .ok("linux/firecracker-kvm/dmesg.txt", "dmesg");
    assertEquals(new Virtualization("kvm", null, "Firecracker"), read("firecracker-kvm", tools),
        "no DMI, clocksource tsc, a /.dockerenv from its image: lscpu's CPUID vendor and the DSDT's OEM ID tell");
  }

  @Test
  void firecrackerGuestWithoutAKernelLogIsToldByItsDsdtHeader() {
    Recorded tools = new Recorded().ok("linux/firecracker-kvm/lscpu.txt", "lscpu");
    assertEquals(new Virtualization("kvm", null, "Firecracker"), read("firecracker-kvm", tools),
        "the recorded 36-byte DSDT header's OEM ID, FIRECK");
  }

  @Test
  void firecrackerGuestAsANonRootUserSeesOnlyLscpu() {
    // dmesg_restrict hides the kernel log, and the ACPI tables are root's: the vendor still tells, the product not
    Recorded tools = new Recorded().ok("linux/firecracker-kvm/lscpu.txt", "lscpu");
    LinuxFiles files = new LinuxFiles(root("firecracker-kvm"));
    VirtEvidence e = new VirtEvidence(null, null, files.line("/sys/devices/system/clocksource/clocksource0/current_clocksource"),
        true, null, null, true, files.read("/proc/1/cgroup"), files.read("/proc/self/mountinfo"),
        new Tool(tools).stdoutUntranslated(Tool.SHORT, "lscpu").orElseThrow(), null, null, false, files.read("/proc/cmdline"));
    assertEquals("kvm", e.vm());
    assertEquals(null, e.product(), "no DMI, no ACPI header, no virtio_mmio.device= on this kernel's command line");
    assertEquals(null, e.container());
  }

  @Test
  void firecrackerGuestWithoutLscpuFallsBackToTheKernelsBootLine() {
    Recorded tools = new Recorded().ok("linux/firecracker-kvm/dmesg.txt", "dmesg");
    assertEquals(new Virtualization("kvm", null, "Firecracker"), read("firecracker-kvm", tools));
  }

  @Test
  void ec2NitroFromATreeBuiltFromItsDmiLineAndItsRealKernelLog() {
    Recorded tools = new Recorded().ok("linux/ec2-r5d/dmesg.txt", "dmesg");
    assertEquals(new Virtualization("amazon", null, "Amazon EC2"), read("ec2-r5d", tools));
  }

  @Test
  void hyperVAndVmwareFromTreesBuiltFromTheirRecordedDmidecodeStrings() {
    assertEquals(new Virtualization("microsoft", null, "Hyper-V"), read("virt-what-hyperv", new Recorded()));
    assertEquals(new Virtualization("vmware", null, "VMware"), read("virt-what-esx4.1", new Recorded()));
  }

  @Test
  void qemuBochsDmiStringsTreeIsBochsAloneAndKvmWithAKvmCpuidPairedFromAnotherRecording() {
    assertEquals(new Virtualization("bochs", null, null), read("virt-what-qemu", new Recorded()),
        "systemd-detect-virt's name for Bochs firmware strings when CPUID names no hypervisor (TCG)");
    // two recordings paired: virt-what's Bochs DMI strings and this project's machine's lscpu (KVM)
    Recorded kvmLscpu = new Recorded().ok("linux/firecracker-kvm/lscpu.txt", "lscpu");
    assertEquals("kvm", read("virt-what-qemu", kvmLscpu).vm());
  }
}
