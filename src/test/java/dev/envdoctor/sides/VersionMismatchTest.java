package dev.envdoctor.sides;

import dev.envdoctor.verify.Recorded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.protocol.WorkerOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DJL's 2.7.1 JNI against the GPU machine's torch 2.11, as the worker really reported it there. */
class VersionMismatchTest {

  private static WorkerOutput recorded() throws Exception {
    String stdout = Files.readString(Path.of("src/test/resources/recorded/djl/h100-worker-jni-2.7.1-vs-torch-2.11.json"));
    return Recorded.worker(stdout);
  }

  private static final Map<String, String> ENV = Map.of(
      "PYTORCH_LIBRARY_PATH", "/opt/torch/.venv/lib/python3.12/site-packages/torch/lib", "PYTORCH_VERSION", "2.7.1");

  @Test
  void failedDevicesNameBothVersionsAndTheFixAndKeepTheOriginalError() throws Exception {
    WorkerOutput out = VersionMismatch.explain(recorded(), ENV, "2.11.0+cu130");
    assertEquals(2, out.devices().size());
    for (var d : out.devices()) {
      assertFalse(d.verified());
      assertTrue(d.diagnosis().startsWith("DJL's JNI for libtorch 2.7.1 runs against the libtorch 2.11.0+cu130 at "
          + "PYTORCH_LIBRARY_PATH=/opt/torch/.venv/lib/python3.12/site-packages/torch/lib"), d.diagnosis());
      assertTrue(d.fix().contains("PYTORCH_VERSION=2.7.1"), d.fix());
      assertTrue(d.stderrTail().get(d.stderrTail().size() - 1).contains("set_stride is not allowed"), d.stderrTail().toString());
    }
    assertTrue(out.engine().diagnosis().contains("the versions differ"), out.engine().diagnosis());
  }

  @Test
  void theMatchingLibtorchOrNoPathLeavesTheDocumentAlone() throws Exception {
    WorkerOutput doc = recorded();
    assertEquals(doc, VersionMismatch.explain(doc, ENV, "2.7.1+cu128"));
    assertEquals(doc, VersionMismatch.explain(doc, Map.of(), "2.11.0"));
    assertNull(VersionMismatch.explain(doc, ENV, null).engine().diagnosis());
  }
}
