package dev.envdoctor.protocol;

import dev.envdoctor.verify.Recorded;
import dev.envdoctor.protocol.Diagnosis;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandResult.Status;
import dev.envdoctor.exec.CommandSpec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each cause, from the real texts under recorded/djl (see SOURCES.md there). */
class CrashDiagnosesTest {

  private static CommandResult died(Status status, int code, String stdout, String stderr) {
    return new CommandResult(CommandSpec.of(Duration.ofSeconds(30), "java", "worker"), status, code, stdout, stderr, 10);
  }

  private static void has(Diagnosis d, String line, String fix) {
    assertTrue(d.line().contains(line), d.line());
    assertTrue(d.fix().contains(fix), d.fix());
  }

  @Test
  void jniMismatchOnTheH100NamesBothVersionsAndTheFix() {
    String err = Recorded.read("djl/constructed-jni-mismatch-h100.txt");
    Map<String, String> env = Map.of("PYTORCH_LIBRARY_PATH", "/venv/lib/python3.12/site-packages/torch/lib",
        "PYTORCH_VERSION", "2.7.1", "PYTORCH_FLAVOR", "cu128");
    Diagnosis d = CrashDiagnoses.diagnose(died(Status.FAILED, 127, "", err), env, "2.11.0+cu130");
    has(d, "libtorch 2.7.1 was loaded against the libtorch 2.11.0+cu130 at PYTORCH_LIBRARY_PATH=/venv", "pytorch-native-cu");
    assertTrue(d.line().contains("_ZNK3c106SymInt6sym_neERKS0_"), d.line());
    assertTrue(d.fix().contains("PYTORCH_VERSION=2.7.1"), d.fix());
  }

  @Test
  void jniMismatchFromThePublicOpenSearchReport() {
    String err = Recorded.read("djl/jni-mismatch-opensearch-djl3656.txt");
    Diagnosis d = CrashDiagnoses.diagnose(died(Status.FAILED, 127, "", err), Map.of(), null);
    has(d, "symbol lookup error, undefined symbol _ZN3c108ListType3get", "PYTORCH_LIBRARY_PATH");
  }

  @Test
  void cudaDriverInsufficientAsDjlLogsItHere() {
    Diagnosis d = CrashDiagnoses.fromText(Recorded.read("djl/cuda-driver-insufficient.log"), Map.of(), null).orElseThrow();
    has(d, "NVIDIA driver is older than the CUDA runtime", "update the NVIDIA driver");
  }

  @Test
  void nativesMissingOfflineFromARealRunWithoutTheClassifierJar() {
    String err = Recorded.read("djl/natives-missing-offline.stderr.txt");
    Diagnosis d = CrashDiagnoses.fromText(err, Map.of(), null).orElseThrow();
    has(d, "no PyTorch native library for this platform", "pytorch-native-cpu:2.7.1");
  }

  @Test
  void failedToLoadNativeLibrary() {
    Diagnosis d = CrashDiagnoses.fromText(Recorded.read("djl/failed-to-load-djl2233.txt"), Map.of(), null).orElseThrow();
    has(d, "no PyTorch native library", "classifier");
  }

  @Test
  void jvmCrashBannerOnStdoutNamesTheSignalAndTheReport() {
    String out = Recorded.read("djl/jvm-segv-sent-by-kill.stdout.txt");
    Diagnosis d = CrashDiagnoses.diagnose(died(Status.FAILED, 1, out, ""), Map.of(), null);
    has(d, "crashed with SIGSEGV in libc.so.6+0x85f14 (crash report: /tmp/hs_err_pid17021.log)", "--device cpu");
  }

  @Test
  void metalAssertion() {
    String err = Recorded.read("djl/mps-failed-assertion-pytorch95883.txt");
    Diagnosis d = CrashDiagnoses.diagnose(died(Status.SIGNALLED, 134, "", err), Map.of(), null);
    has(d, "Metal aborted the worker with an assertion", "update macOS");
  }

  @Test
  void macosVmParavirtualDevice() {
    String err = Recorded.read("djl/mps-vm-paravirtual-pytorch111576.txt");
    Diagnosis d = CrashDiagnoses.diagnose(died(Status.FAILED, 1, "", err), Map.of(), null);
    has(d, "virtual machine's paravirtual device", "host Mac");
  }

  @Test
  void plainSignalsTimeoutsAndExits() {
    has(CrashDiagnoses.diagnose(died(Status.SIGNALLED, 139, "", ""), Map.of(), null), "SIGSEGV", "--device cpu");
    has(CrashDiagnoses.diagnose(died(Status.SIGNALLED, 134, "", ""), Map.of(), null), "SIGABRT", "lines below");
    has(CrashDiagnoses.diagnose(died(Status.SIGNALLED, 137, "", ""), Map.of(), null), "out-of-memory killer", "memory");
    has(CrashDiagnoses.diagnose(died(Status.TIMED_OUT, -1, "", ""), Map.of(), null), "no answer within 30 s", "--device cpu");
    has(CrashDiagnoses.diagnose(died(Status.FAILED, 42, "", ""), Map.of(), null), "exited with code 42", "log");
    has(CrashDiagnoses.diagnose(died(Status.FAILED, 3, "",
        "Terminating due to java.lang.OutOfMemoryError: Java heap space"), Map.of(), null), "Java heap", "memory");
    has(CrashDiagnoses.diagnose(died(Status.NOT_FOUND, -1, "", ""), Map.of(), null), "java not found", "PATH");
  }

  @Test
  void garbageAndForeignProtocols() {
    has(CrashDiagnoses.diagnose(died(Status.OK, 0, "hello\n", ""), Map.of(), null), "output began: hello", "stdout");
    has(CrashDiagnoses.diagnose(died(Status.OK, 0, "{\"protocol\":\"envdoctor/worker/v0\"}", ""), Map.of(), null),
        "speaks protocol envdoctor/worker/v0", "same envdoctor version");
    has(CrashDiagnoses.diagnose(died(Status.OK, 0, "", ""), Map.of(), null), "before it had answered every command", "stdout");
    // the side's own answers are not what went wrong: a greeting, then nothing
    String hello = SideAnswer.hello(null, java.util.List.of("cpu"), null, null).line();
    has(CrashDiagnoses.diagnose(died(Status.OK, 0, hello + "\n", ""), Map.of(), null), "before it had answered every command", "stdout");
  }
}
