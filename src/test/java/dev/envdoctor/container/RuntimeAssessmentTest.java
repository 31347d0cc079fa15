package dev.envdoctor.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.container.parse.DockerInfoParser;
import dev.envdoctor.container.parse.PodmanMachineParser;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.model.RuntimeStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The product and the training conclusions drawn from recorded real docker info outputs. */
class RuntimeAssessmentTest {

  /** An Apple Silicon Mac with 10 cores and 32 GiB, as the probe stage would report it. */
  static final HostFacts MAC = new HostFacts("macos", "aarch64", 10, 32L << 30);
  static final HostFacts LINUX = new HostFacts("linux", "x86_64", 2, 25276026880L);

  @ParameterizedTest
  @CsvSource({
      "docker-desktop-macos-aarch64-28.3.2.txt, , DOCKER_DESKTOP",
      "docker-desktop-macos-x86_64-19.03.12.json, desktop-linux, DOCKER_DESKTOP",
      "orbstack-macos-x86_64-28.5.2.txt, , ORBSTACK",
      "colima-macos-aarch64-23.0.6.txt, , COLIMA",
      "rancher-desktop-macos-aarch64-29.5.3.txt, , RANCHER_DESKTOP",
  })
  void macProductsAreVmsWithoutMetal(String file, String context, Product expected) {
    EngineFacts f = DockerInfoParser.parse(Recorded.read("docker-info/" + file));
    Product p = ProductDetector.docker(f, context != null ? context : f.clientContext(), null, MAC);
    assertEquals(expected, p);
    RuntimeInfo r = RuntimeAssessment.ok("docker", context, p, f, MAC, List.of());
    assertEquals(RuntimeStatus.OK, r.status());
    assertEquals("none", r.gpuAccess());
    assertTrue(r.notes().get(0).contains("no Metal") && r.notes().get(0).contains("CPU only"), r.notes().toString());
  }

  @Test
  void starvedVmAndEmulationAreWarned() {
    EngineFacts f = DockerInfoParser.parse(Recorded.read("docker-info/colima-macos-aarch64-23.0.6.txt"));
    RuntimeInfo r = RuntimeAssessment.ok("docker", "colima", Product.COLIMA, f, MAC, List.of());
    assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("warning:") && n.contains("2 of the host's 10 CPUs")
        && n.contains("colima start --cpu")), r.notes().toString());
    assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("warning:") && n.contains("1.9 GiB of the host's 32.0 GiB")));
    assertFalse(r.notes().stream().anyMatch(n -> n.contains("emulated")));

    EngineFacts orb = DockerInfoParser.parse(Recorded.read("docker-info/orbstack-macos-x86_64-28.5.2.txt"));
    RuntimeInfo onArm = RuntimeAssessment.ok("docker", "orbstack", Product.ORBSTACK, orb, MAC, List.of());
    assertTrue(onArm.notes().stream().anyMatch(n -> n.contains("runs x86_64 on an aarch64 host") && n.contains("emulated")));
  }

  @Test
  void linuxHostWithNvidiaRuntimeGetsGpusAll() {
    EngineFacts f = DockerInfoParser.parse(Recorded.read("docker-info/linux-nvidia-runtime-ubuntu24.04-28.0.0.txt"));
    Product p = ProductDetector.docker(f, "default", "unix:///var/run/docker.sock", LINUX);
    assertEquals(Product.DOCKER_ENGINE, p);
    RuntimeInfo r = RuntimeAssessment.ok("docker", "default", p, f, LINUX, List.of());
    assertEquals("nvidia-runtime", r.gpuAccess());
    assertTrue(r.notes().isEmpty(), r.notes().toString());
    assertEquals(List.of("docker", "run", "--rm", "-i", "--name", "c", "--network", "none", "--pull", "never", "--label",
        "dev.envdoctor=worker", "-e", "GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=536870912",
        "--init", "--gpus", "all", "img"), new DockerEngine().runPrefix("c", "img", r.gpuAccess()));
  }

  @Test
  void podmanGetsAnInitOnlyWhereCatatonitIsInstalled() {
    assertTrue(PodmanEngine.initAvailable("Linux", p -> p.toString().equals("/usr/libexec/podman/catatonit")));
    assertTrue(PodmanEngine.initAvailable("Linux", p -> p.toString().equals("/usr/bin/catatonit")));
    assertFalse(PodmanEngine.initAvailable("Linux", p -> false), "Debian without the catatonit package");
    assertTrue(PodmanEngine.initAvailable("Mac OS X", p -> false), "the Podman machine's VM has it");
  }

  @Test
  void linuxEngineWithNvidiaCdiSpecGetsDeviceFlag() {
    EngineFacts f = DockerInfoParser.parse(Recorded.read("docker-info/linux-debian12-docker20.10.json"));
    RuntimeInfo r = RuntimeAssessment.ok("podman", "local", Product.PODMAN_NATIVE, f, LINUX,
        dev.envdoctor.container.parse.CdiSpecParser.devices(Recorded.read("cdi/wsl2-nvidia-excerpt.yaml")));
    assertEquals("cdi", r.gpuAccess());
    assertTrue(new PodmanEngine().runPrefix("c", "img", r.gpuAccess()).containsAll(List.of("--device", "nvidia.com/gpu=all")));
  }

  @Test
  void dockerDesktopWebgpuDeviceIsNotCuda() {
    EngineFacts f = DockerInfoParser.parse(Recorded.read("docker-info/docker-desktop-macos-aarch64-28.3.2.txt"));
    RuntimeInfo r = RuntimeAssessment.ok("docker", "desktop-linux", Product.DOCKER_DESKTOP, f, MAC, List.of());
    assertEquals("none", r.gpuAccess());
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("webgpu") && n.contains("not for CUDA")));
  }

  @Test
  void dockerDesktopOnWindowsWithNvidiaReachesCuda() {
    EngineFacts f = DockerInfoParser.parse(Recorded.read("docker-info/docker-desktop-windows-wsl2-nvidia-29.6.2.txt"));
    HostFacts win = new HostFacts("windows", "x86_64", 16, 32L << 30);
    Product p = ProductDetector.docker(f, "desktop-linux", null, win);
    assertEquals(Product.DOCKER_DESKTOP_WINDOWS, p);
    RuntimeInfo r = RuntimeAssessment.ok("docker", null, p, f, win, List.of());
    assertEquals("nvidia-runtime", r.gpuAccess());
    assertFalse(r.notes().stream().anyMatch(n -> n.contains("no Metal")));
  }

  @Test
  void podmanMachineProviders() {
    var applehv = PodmanMachineParser.inspect(Recorded.read("podman-machine/applehv-macos-m1-podman5.0-dev.json")).get(0);
    assertEquals(Product.PODMAN_MACHINE_APPLEHV, ProductDetector.podman(applehv, MAC));
    assertEquals(Product.PODMAN_NATIVE, ProductDetector.podman(null, LINUX));
    var libkrun = new dev.envdoctor.container.parse.PodmanMachine("m", "libkrun", "running", 4, 4L << 30, false);
    Product p = ProductDetector.podman(libkrun, MAC);
    assertEquals(Product.PODMAN_MACHINE_LIBKRUN, p);
    EngineFacts f = EngineFactsBuilder.builder()
        .serverVersion("5.2.0")
        .operatingSystem("fedora 40")
        .osType("linux")
        .arch("aarch64")
        .cpus(4)
        .memoryBytes(4L << 30)
        .runtimes(List.of("krun"))
        .defaultRuntime("krun")
        .cdiSpecDirs(List.of())
        .cdiDevices(List.of())
        .rootless(true)
        .build();
    RuntimeInfo r = RuntimeAssessment.ok("podman", "podman-machine-default", p, f, MAC, List.of());
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("Vulkan") && n.contains("CPU only")));
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("podman machine set --cpus")));
  }
}
