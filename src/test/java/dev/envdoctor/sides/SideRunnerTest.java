package dev.envdoctor.sides;

import dev.envdoctor.verify.Recorded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.protocol.SideAnswer;
import dev.envdoctor.protocol.WorkerOutput;
import java.time.Duration;
import java.util.List;
import dev.envdoctor.testing.Devices;
import org.junit.jupiter.api.Test;

/**
 * The side runner against real child processes (a shell playing the side, answering from a
 * script): what the real executors do is covered by SideConformanceIT and WorkerFaultIT; here each
 * protocol case is cheap and exact.
 */
class SideRunnerTest {

  private final SideRunner runner = new SideRunner(new ProcessRunner());

  private static final DeviceResult CPU = Devices.verifiedDjlCpu();

  private static final String HELLO = SideAnswer.hello(null, List.of("cpu"), null, null).line();
  private static final String VERIFIED = SideAnswer.verified(CPU).line();
  private static final String END = SideAnswer.of("end").line();

  /** A shell side: greets, answers the verify with {@code answer}, then the end. */
  private static String side(String beforeHello, String answer) {
    return beforeHello + "printf '%s\\n' '" + HELLO + "'; read c; " + answer + "; read c; printf '%s\\n' '" + END + "'";
  }

  private WorkerOutput shell(String script, Duration timeout) {
    return runner.run(SideCall.of(List.of("sh", "-c", script, "worker", "--device", "all"), timeout, "native", Backend.DJL,
        SidePlan.VERIFY)).out();
  }

  @Test
  void theAnswersAreReadAndStampedWithTheSide() {
    WorkerOutput out = shell(side("", "printf '%s\\n' '" + VERIFIED + "'"), Duration.ofSeconds(10));
    assertEquals("native", out.devices().get(0).runtime());
    assertTrue(out.devices().get(0).verified());
  }

  @Test
  void theCommandsAreThePlansOwnInOrder() {
    // the side writes every command it reads to stderr: the parent asked verify cpu, then end
    var run = runner.run(SideCall.of(List.of("sh", "-c", "printf '%s\\n' '" + HELLO + "'; read a; echo \"$a\" >&2; printf '%s\\n' '"
        + VERIFIED + "'; read b; echo \"$b\" >&2; printf '%s\\n' '" + END + "'", "worker"), Duration.ofSeconds(10), "native",
        Backend.DJL, SidePlan.VERIFY));
    assertTrue(run.ended());
    assertEquals(List.of("verify cpu", "end"), run.result().stderr().strip().lines().toList());
  }

  @Test
  void aNativeLibraryLineBeforeTheGreetingIsTolerated() {
    WorkerOutput out = shell(side("echo 'libtorch says hi'; ", "printf '%s\\n' '" + VERIFIED + "'"), Duration.ofSeconds(10));
    assertTrue(out.devices().get(0).verified());
  }

  @Test
  void aSideOfTheOldProtocolIsToldToRebuild() {
    String v1 = "{\"protocol\":\"envdoctor/worker/v1\",\"devices\":[]}";
    WorkerOutput out = shell("printf '%s\\n' '" + v1 + "'", Duration.ofSeconds(10));
    assertTrue(out.diagnosis().contains("speaks protocol envdoctor/worker/v1, not " + WorkerOutput.PROTOCOL), out.diagnosis());
    assertTrue(out.fix().contains("envdoctor image build"), out.fix());
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
    String hello = SideAnswer.hello(null, List.of("cpu", "cuda:0"), null, null).line();
    String script = "printf '%s\\n' '" + hello + "'; read c; printf '%s\\n' '" + SideAnswer.verified(cpu).line()
        + "'; read c; echo 'about to die' >&2; kill -s SEGV $$";
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
    String script = side("", "printf '%s\\n' '" + VERIFIED + "'").replace("read c; printf '%s\\n' '" + END + "'", "read c; kill -s ABRT $$");
    WorkerOutput out = runner.run(SideCall.of(List.of("sh", "-c", script, "worker"), Duration.ofSeconds(10), "native", Backend.DJL,
        SidePlan.calibrating(List.of("cnn")))).out();
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
    WorkerOutput out = runner.run(SideCall.of(List.of("/nonexistent/java"), Duration.ofSeconds(5), "native", Backend.DJL,
        SidePlan.VERIFY)).out();
    assertTrue(out.diagnosis().contains("not found"), out.diagnosis());
    assertEquals("native", out.engine().runtime());
  }

  /** Whether the process is gone within 5 s: waits on its exit, not by polling. */
  static boolean gone(long pid) throws Exception {
    var h = ProcessHandle.of(pid);
    if (h.isEmpty()) {
      return true;
    }
    try {
      h.get().onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    }
  }


  @Test
  void aJniMismatchNamesTheLibtorchAtPytorchLibraryPath(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws Exception {
    java.nio.file.Path lib = java.nio.file.Files.createDirectories(tmp.resolve("torch/lib"));
    java.nio.file.Files.writeString(lib.getParent().resolve("version.py"), "__version__ = '2.11.0+cu130'\n");
    String crash = Recorded.read("djl/constructed-jni-mismatch-h100.txt").strip();
    SideRunner withEnv = new SideRunner(new ProcessRunner(), java.util.Map.of("PYTORCH_LIBRARY_PATH", lib.toString()));
    WorkerOutput out = withEnv.run(SideCall.of(List.of("sh", "-c", "echo '" + crash + "' >&2; exit 127", "worker", "--device", "cuda:0"),
        Duration.ofSeconds(10), "native", Backend.DJL, SidePlan.VERIFY)).out();
    DeviceResult d = out.devices().get(0);
    assertEquals("cuda:0", d.device());
    assertTrue(d.diagnosis().contains("libtorch 2.7.1 was loaded against the libtorch 2.11.0+cu130"), d.diagnosis());
  }

  @Test
  void aSideThatEndedAndThenHangsAtExitStillCounts() {
    WorkerOutput out = shell(side("", "printf '%s\\n' '" + VERIFIED + "'") + "; sleep 60", Duration.ofMillis(1500));
    assertTrue(out.devices().get(0).verified());
  }
}
