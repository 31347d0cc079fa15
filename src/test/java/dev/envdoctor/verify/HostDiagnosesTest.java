package dev.envdoctor.verify;

import dev.envdoctor.protocol.Diagnosis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Host;
import dev.envdoctor.model.Jvm;
import dev.envdoctor.model.OsInfo;
import dev.envdoctor.model.Virtualization;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostDiagnosesTest {

  private static Host mac(String version, String vm) {
    return new Host(new OsInfo("macos", "macOS", version, "24.1.0", "arm64"), null, null, List.of(), List.of(), null,
        new Virtualization(vm, null));
  }

  private static final Jvm ARM_JVM = new Jvm("17.0.12", "Eclipse Adoptium", "aarch64", false, "/jdk");

  @Test
  void rosettaJvmHasNoMps() {
    Jvm x86 = new Jvm("17.0.12", "Oracle", "x86_64", true, "/jdk");
    Diagnosis d = HostDiagnoses.mps(mac("15.1", null), x86, "2.7.1").orElseThrow();
    assertTrue(d.line().contains("under Rosetta 2"), d.line());
    assertTrue(d.fix().contains("arm64"), d.fix());
  }

  @Test
  void x86JvmWithoutTranslationFlagStillCounts() {
    Jvm x86 = new Jvm("17.0.12", "Oracle", "amd64", null, "/jdk");
    assertTrue(HostDiagnoses.mps(mac("15.1", null), x86, "2.7.1").isPresent());
  }

  @Test
  void macosOlderThanTorch27MpsMinimum() {
    Diagnosis d = HostDiagnoses.mps(mac("12.7.6", null), ARM_JVM, "2.7.1").orElseThrow();
    assertEquals("macOS 12.7.6 is older than PyTorch 2.7.1's MPS minimum, macOS 13.0", d.line());
    assertTrue(HostDiagnoses.mps(mac("13.0", null), ARM_JVM, "2.7.1").isEmpty());
    assertTrue(HostDiagnoses.macosTooOld("13.6", "2.9.0").isPresent(), "2.9 needs Sonoma");
    assertTrue(HostDiagnoses.macosTooOld("12.4", "2.3.0").isEmpty(), "before 2.5: 12.3");
  }

  @Test
  void macosVm() {
    Diagnosis d = HostDiagnoses.mps(mac("15.1", "apple"), ARM_JVM, "2.7.1").orElseThrow();
    assertTrue(d.line().contains("virtual machine (apple)"), d.line());
  }

  @Test
  void nothingToSayOnAHealthyMacOrOnLinux() {
    assertTrue(HostDiagnoses.mps(mac("15.1", null), ARM_JVM, "2.7.1").isEmpty());
    Host linux = new Host(new OsInfo("linux", "Debian", "12", "6.1", "x86_64"), null, null, null, null, null, null);
    assertTrue(HostDiagnoses.mps(linux, new Jvm("17", "x", "amd64", false, "/"), "2.7.1").isEmpty());
    assertTrue(HostDiagnoses.mps(null, null, null).isEmpty());
  }
}
