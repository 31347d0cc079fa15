package dev.envdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envdoctor.model.DiskInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class OshiBasicsTest {

  @Test
  void bindMountsOfOneVolumeAreOneDiskAndRamDisksAreNone() {
    // the file stores OSHI lists on this project's development machines
    List<DiskInfo> disks = OshiBasics.disks(List.of(
        new OshiBasics.Store("/", "/dev/vda", "ext4", 270553174016L, 82770800640L),
        new OshiBasics.Store("/mnt/sandboxing/x", "tools", "tmpfs", 4096, 4096),
        new OshiBasics.Store("/var/lib/docker", "/dev/vda", "ext4", 270553174016L, 82770800640L),
        new OshiBasics.Store("/data", "/dev/vdb", "xfs", 1L << 40, 1L << 39)));
    assertEquals(List.of(new DiskInfo("/", 270553174016L, 82770800640L), new DiskInfo("/data", 1L << 40, 1L << 39)), disks);
  }

  @Test
  void archNamesUsersKnow() {
    assertEquals("x86_64", HostProbe.arch("amd64"));
    assertEquals("arm64", HostProbe.arch("aarch64"));
    assertEquals("arm64", HostProbe.hardwareArch("x86_64", true), "under Rosetta the hardware is arm64");
    assertEquals("x86_64", HostProbe.hardwareArch("amd64", false));
    assertEquals("macos", Platform.family("Mac OS X"));
    assertEquals("windows", Platform.family("Windows 11"));
    assertEquals("linux", Platform.family("Linux"));
  }
}
