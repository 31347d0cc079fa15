package dev.envdoctor.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceNamesTest {

  @Test
  void allOnLinuxWithTwoGpus() {
    assertEquals(List.of("cpu", "cuda:0", "cuda:1"), DeviceNames.select("all", 2, "Linux", "amd64"));
  }

  @Test
  void allOnAppleSiliconTriesMpsThoughDjlCountsNoGpu() {
    assertEquals(List.of("cpu", "mps"), DeviceNames.select("all", 0, "Mac OS X", "aarch64"));
  }

  @Test
  void allUnderRosettaDoesNotTryMps() {
    assertEquals(List.of("cpu"), DeviceNames.select("all", 0, "Mac OS X", "x86_64"));
  }

  @Test
  void anExplicitDeviceIsTriedEvenWhenItLooksAbsent() {
    assertEquals(List.of("cuda:0"), DeviceNames.select("cuda", 0, "Linux", "amd64"));
    assertEquals(List.of("cuda:3"), DeviceNames.select("cuda:3", 0, "Linux", "amd64"));
    assertEquals(List.of("mps"), DeviceNames.select("mps", 0, "Linux", "amd64"));
  }

  @Test
  void unknownDeviceIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> DeviceNames.select("tpu", 0, "Linux", "amd64"));
  }
}
