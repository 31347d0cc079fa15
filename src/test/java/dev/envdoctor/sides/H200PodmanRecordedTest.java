package dev.envdoctor.sides;

import dev.envdoctor.verify.Recorded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.protocol.WorkerOutput;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The first real run of "Linux + NVIDIA: the container reaches the GPU": envdoctor's Python script
 * verified cuda:0 inside a Podman container on the lent H200 (recorded/h200-podman), read by the
 * parser every container side's output goes through.
 */
class H200PodmanRecordedTest {

  @Test
  void cudaZeroVerifiesInsideTheContainer() throws Exception {
    String stdout;
    try (InputStream in = getClass().getResourceAsStream("/recorded/h200-podman/verify-in-podman.json")) {
      stdout = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    WorkerOutput out = WorkerDocument.stamp(Recorded.worker(stdout), "podman");
    assertNull(out.diagnosis());
    DeviceResult cuda = out.devices().stream().filter(d -> d.device().equals("cuda:0")).findFirst().orElseThrow();
    assertEquals("podman", cuda.runtime());
    assertEquals("NVIDIA H200", cuda.name());
    assertEquals(Boolean.TRUE, cuda.verified());
    assertTrue(cuda.maxAbsError() < cuda.tolerance(), cuda.toString());
    DeviceResult cpu = out.devices().stream().filter(d -> d.device().equals("cpu")).findFirst().orElseThrow();
    assertEquals(Boolean.TRUE, cpu.verified());
  }
}
