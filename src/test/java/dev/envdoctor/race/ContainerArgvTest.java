package dev.envdoctor.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.container.TrueArch;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerArgvTest {

  @Test
  void theCommandRunsInTheSameFolderAsTheUserOnTheDefaultNetwork() {
    List<String> argv = ContainerArgv.of("docker", "envdoctor-ab", "team/train:1", Path.of("/home/u/proj"), "1000:1000",
        null, "none", Map.of("EPOCHS", "1"), List.of("python3", "train.py"));
    assertEquals(List.of("docker", "run", "--rm", "--name", "envdoctor-ab", "--pull", "never", "--label",
        "dev.envdoctor=race", "-v", "/home/u/proj:/home/u/proj", "-w", "/home/u/proj", "--user", "1000:1000",
        "-e", "HOME=/tmp", "-e", "EPOCHS=1", "team/train:1", "python3", "train.py"), argv);
    assertTrue(!argv.contains("--network"), "the engine's default network: a script may read its data over it");
  }

  @Test
  void gpuFlagsFollowWhatTheEngineOffers() {
    assertEquals(List.of("--gpus", "all"), ContainerArgv.gpuFlags("nvidia-runtime"));
    assertEquals(List.of("--device", "nvidia.com/gpu=all"), ContainerArgv.gpuFlags("cdi"));
    assertEquals(List.of(), ContainerArgv.gpuFlags("none"));
    List<String> net = ContainerArgv.of("podman", "n", "i", Path.of("/w"), null, "host", "cdi", Map.of("HOME", "/w"), List.of("x"));
    assertTrue(String.join(" ", net).contains("--network host --device nvidia.com/gpu=all -e HOME=/w i x"), net.toString());
  }

  @Test
  void emulationIsNamedFromWhatTheBinariesRunAs() {
    assertTrue(TrueArch.emulation("img", "aarch64", "amd64").orElseThrow().startsWith(
        "emulated: img runs aarch64 binaries on this x86_64 engine"));
    assertTrue(TrueArch.emulation("img", "x86_64", "arm64").orElseThrow().endsWith("use an image built for linux/arm64"));
    assertTrue(TrueArch.emulation("img", "x86_64", "amd64").isEmpty());
    assertTrue(TrueArch.emulation("img", null, "amd64").isEmpty(), "unknown is not emulated");
  }
}
