package dev.envdoctor.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.container.parse.DockerInfoParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docker info as real engines printed it (sources in recorded/docker-info/SOURCES.md). */
class DockerInfoParserTest {

  @Test
  void linuxEngineJsonRecordedHere() {
    EngineFacts f = DockerInfoParser.parse(Recorded.read("docker-info/linux-debian12-docker20.10.json"));
    assertEquals("20.10.24+dfsg1", f.serverVersion());
    assertEquals("Debian GNU/Linux 12 (bookworm)", f.operatingSystem());
    assertEquals("linux", f.osType());
    assertEquals("x86_64", f.arch());
    assertEquals(2, f.cpus());
    assertEquals(25276026880L, f.memoryBytes());
    assertEquals("default", f.clientContext());
    assertEquals(List.of("io.containerd.runc.v2", "io.containerd.runtime.v1.linux", "runc"), f.runtimes());
    assertFalse(f.hasNvidiaRuntime());
  }

  @Test
  void dockerDesktopMacJson() {
    EngineFacts f = DockerInfoParser.parse(Recorded.read("docker-info/docker-desktop-macos-x86_64-19.03.12.json"));
    assertEquals("Docker Desktop", f.operatingSystem());
    assertEquals("docker-desktop", f.name());
    assertEquals("4.19.76-linuxkit", f.kernel());
    assertEquals(4, f.cpus());
    assertEquals(3142250496L, f.memoryBytes());
  }

  @Test
  void dockerDesktopAppleSiliconText() {
    EngineFacts f = DockerInfoParser.parse(Recorded.read("docker-info/docker-desktop-macos-aarch64-28.3.2.txt"));
    assertEquals("28.3.2", f.serverVersion());
    assertEquals("Docker Desktop", f.operatingSystem());
    assertEquals("aarch64", f.arch());
    assertEquals(10, f.cpus());
    assertEquals(Math.round(7.654 * (1L << 30)), f.memoryBytes());
    assertEquals(List.of("/etc/cdi", "/var/run/cdi"), f.cdiSpecDirs());
    assertEquals(List.of("docker.com/gpu=webgpu"), f.cdiDevices());
    assertFalse(f.hasNvidiaCdiDevice());
  }

  @Test
  void orbStackText() {
    EngineFacts f = DockerInfoParser.parse(Recorded.read("docker-info/orbstack-macos-x86_64-28.5.2.txt"));
    assertEquals("OrbStack", f.operatingSystem());
    assertEquals("orbstack", f.clientContext());
    assertEquals("6.17.8-orbstack-00308-g8f9c941121b1", f.kernel());
    assertEquals(6, f.cpus());
  }

  @Test
  void colimaText() {
    EngineFacts f = DockerInfoParser.parse(Recorded.read("docker-info/colima-macos-aarch64-23.0.6.txt"));
    assertEquals("colima", f.name());
    assertEquals("colima", f.clientContext());
    assertEquals("Alpine Linux v3.18", f.operatingSystem());
    assertEquals(2, f.cpus());
    assertEquals(Math.round(1.925 * (1L << 30)), f.memoryBytes());
  }

  @Test
  void rancherDesktopText() {
    EngineFacts f = DockerInfoParser.parse(Recorded.read("docker-info/rancher-desktop-macos-aarch64-29.5.3.txt"));
    assertEquals("lima-rancher-desktop", f.name());
    assertEquals("aarch64", f.arch());
    assertEquals("29.5.3", f.serverVersion());
  }

  @Test
  void linuxHostWithNvidiaRuntime() {
    EngineFacts f = DockerInfoParser.parse(Recorded.read("docker-info/linux-nvidia-runtime-ubuntu24.04-28.0.0.txt"));
    assertEquals(List.of("io.containerd.runc.v2", "nvidia", "runc"), f.runtimes());
    assertEquals("runc", f.defaultRuntime());
    assertTrue(f.hasNvidiaRuntime());
    assertEquals("Ubuntu 24.04.2 LTS", f.operatingSystem());
    assertEquals("default", f.clientContext());
  }

  @Test
  void dockerDesktopOnWindowsWithNvidia() {
    EngineFacts f = DockerInfoParser.parse(Recorded.read("docker-info/docker-desktop-windows-wsl2-nvidia-29.6.2.txt"));
    assertTrue(f.hasNvidiaRuntime());
    assertTrue(f.kernel().contains("microsoft-standard-WSL2"));
  }
}
