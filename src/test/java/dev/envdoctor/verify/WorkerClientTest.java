package dev.envdoctor.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.protocol.WorkerEvents;
import dev.envdoctor.protocol.WorkerOutput;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client against real child processes (a shell playing the worker): what the real JVM worker
 * does is covered by WorkerFaultIT; here each protocol case is cheap and exact.
 */
class WorkerClientTest {

  private final WorkerClient client = new WorkerClient(new ProcessRunner());

  private static final String DOC = WorkerEvents.json(new WorkerOutput(WorkerOutput.PROTOCOL, null,
      List.of(DeviceResultBuilder.builder()
          .backend(Backend.DJL)
          .device("cpu")
          .name("cpu()")
          .verified(true)
          .maxAbsError(3.6e-7)
          .tolerance(1e-2)
          .stderrTail(List.of())
          .build()),
      List.of(), List.of(), null, null));

  private WorkerOutput shell(String script, Duration timeout) {
    return client.run(List.of("sh", "-c", script, "worker"), List.of("--device", "all"), timeout, "native");
  }

  @Test
  void aDocumentIsReadAndStampedWithTheSide() {
    WorkerOutput out = shell("printf '%s\\n' '" + DOC + "'", Duration.ofSeconds(10));
    assertEquals("native", out.devices().get(0).runtime());
    assertTrue(out.devices().get(0).verified());
  }

  @Test
  void aNativeLibraryLineBeforeTheDocumentIsTolerated() {
    WorkerOutput out = shell("echo 'libtorch says hi'; printf '%s\\n' '" + DOC + "'", Duration.ofSeconds(10));
    assertTrue(out.devices().get(0).verified());
  }

  @Test
  void finishedResultsSurviveACrashAndTheDeviceInProgressGetsTheDiagnosis() {
    DeviceResult cpu = DeviceResultBuilder.builder()
        .backend(Backend.DJL)
        .device("cpu")
        .name("cpu()")
        .verified(true)
        .maxAbsError(1e-7)
        .tolerance(1e-2)
        .stderrTail(List.of())
        .build();
    String script = "echo '" + WorkerEvents.device(cpu) + "' >&2; echo '" + WorkerEvents.progress("verify cuda:0")
        + "' >&2; echo 'about to die' >&2; kill -s SEGV $$";
    WorkerOutput out = shell(script, Duration.ofSeconds(10));
    assertEquals(2, out.devices().size());
    assertTrue(out.devices().get(0).verified());
    DeviceResult cuda = out.devices().get(1);
    assertEquals("cuda:0", cuda.device());
    assertFalse(cuda.verified());
    assertEquals("native", cuda.runtime());
    assertTrue(cuda.diagnosis().contains("SIGSEGV"), cuda.diagnosis());
    assertEquals(List.of("about to die"), cuda.stderrTail());
  }

  @Test
  void aCrashDuringCalibrationIsACalibrationDiagnosis() {
    String script = "echo '" + WorkerEvents.progress("calibrate cpu cnn") + "' >&2; kill -s ABRT $$";
    WorkerOutput out = shell(script, Duration.ofSeconds(10));
    assertEquals("cnn", out.calibrations().get(0).workload());
    assertTrue(out.calibrations().get(0).diagnosis().contains("SIGABRT"));
  }

  @Test
  void aHangIsKilledWithItsChildrenAndDiagnosed() throws Exception {
    long t0 = System.nanoTime();
    WorkerOutput out = shell("sleep 60 & echo $! >&2; wait", Duration.ofMillis(800));
    assertTrue((System.nanoTime() - t0) / 1e9 < 10);
    DeviceResult d = out.devices().get(0);
    assertEquals("all", d.device());
    assertTrue(d.diagnosis().contains("no answer within"), d.diagnosis());
    long sleeper = Long.parseLong(d.stderrTail().get(0).strip());
    assertTrue(gone(sleeper), "the worker's child outlived it");
  }

  @Test
  void aMissingLauncherIsADiagnosis() {
    WorkerOutput out = client.run(List.of("/nonexistent/java"), List.of(), Duration.ofSeconds(5), "native");
    assertTrue(out.diagnosis().contains("not found"), out.diagnosis());
    assertEquals("native", out.engine().runtime());
  }

  static boolean gone(long pid) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      var h = ProcessHandle.of(pid);
      if (h.isEmpty() || !h.get().isAlive()) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  @Test
  void aJniMismatchNamesTheLibtorchAtPytorchLibraryPath(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws Exception {
    java.nio.file.Path lib = java.nio.file.Files.createDirectories(tmp.resolve("torch/lib"));
    java.nio.file.Files.writeString(lib.getParent().resolve("version.py"), "__version__ = '2.11.0+cu130'\n");
    String crash = Recorded.read("djl/constructed-jni-mismatch-h100.txt").strip();
    WorkerClient withEnv = new WorkerClient(new ProcessRunner(), java.util.Map.of("PYTORCH_LIBRARY_PATH", lib.toString()));
    WorkerOutput out = withEnv.run(List.of("sh", "-c", "echo '" + crash + "' >&2; exit 127", "worker"),
        List.of("--device", "cuda:0"), Duration.ofSeconds(10), "native");
    DeviceResult d = out.devices().get(0);
    assertEquals("cuda:0", d.device());
    assertTrue(d.diagnosis().contains("libtorch 2.7.1 was loaded against the libtorch 2.11.0+cu130"), d.diagnosis());
  }

  @Test
  void aDocumentFollowedByAHangAtExitStillCounts() {
    WorkerOutput out = shell("printf '%s\\n' '" + DOC + "'; sleep 60", Duration.ofMillis(1500));
    assertTrue(out.devices().get(0).verified());
  }
}
