package dev.envdoctor.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.container.parse.CdiSpecParser;
import dev.envdoctor.container.parse.DockerContextParser;
import dev.envdoctor.container.parse.PodmanInfoParser;
import dev.envdoctor.container.parse.PodmanMachine;
import dev.envdoctor.container.parse.PodmanMachineParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodmanParsersTest {

  @Test
  void podmanInfoRecordedHere() {
    EngineFacts f = PodmanInfoParser.parse(Recorded.read("podman-info/linux-debian12-podman4.3.json"));
    assertEquals("4.3.1", f.serverVersion());
    assertEquals("x86_64", f.arch());
    assertEquals(2, f.cpus());
    assertEquals(25276026880L, f.memoryBytes());
    assertEquals("debian 12", f.operatingSystem());
    assertEquals(List.of("runc"), f.runtimes());
    assertFalse(f.rootless());
  }

  @Test
  void localPodmanVersionTakesTheHostsCpusAndMemory() {
    EngineFacts f = PodmanInfoParser.parseLocalVersion(
        Recorded.read("podman-info/linux-debian12-podman4.3.1-version.json"), 2, 25_000_000_000L);
    assertEquals("4.3.1", f.serverVersion());
    assertEquals("linux", f.osType());
    assertEquals("x86_64", f.arch());
    assertEquals(2, f.cpus());
    assertEquals(25_000_000_000L, f.memoryBytes());
  }

  @Test
  void aRemotePodmanVersionIsLeftToPodmanInfo() {
    assertEquals(null, PodmanInfoParser.parseLocalVersion(
        Recorded.read("podman-info/linux-debian12-podman4.3.1-version-remote.json"), 2, 1L));
  }

  @Test
  void podmanMachineInspectApplehvWithoutVmType() {
    List<PodmanMachine> ms = PodmanMachineParser.inspect(Recorded.read("podman-machine/applehv-macos-m1-podman5.0-dev.json"));
    assertEquals(1, ms.size());
    PodmanMachine m = ms.get(0);
    assertEquals("podman-machine-default", m.name());
    assertEquals("applehv", m.provider());
    assertTrue(m.running());
    assertEquals(5, m.cpus());
    assertEquals(2048L * 1024 * 1024, m.memoryBytes());
    assertEquals(Boolean.TRUE, m.rootful());
  }

  @Test
  void dockerContextInspectRecordedHere() {
    String out = Recorded.read("docker-context/linux-default-inspect.json");
    assertEquals("default", DockerContextParser.name(out));
    assertEquals("unix:///var/run/docker.sock", DockerContextParser.endpoint(out));
  }

  @Test
  void cdiSpecDevicesAreQualified() {
    String spec = Recorded.read("cdi/wsl2-nvidia-excerpt.yaml");
    assertEquals(List.of("nvidia.com/gpu=all"), CdiSpecParser.devices(spec));
    assertEquals(List.of(), CdiSpecParser.devices("just: text"));
  }
}
