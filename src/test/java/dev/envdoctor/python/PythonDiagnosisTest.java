package dev.envdoctor.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.PythonEnv;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each environment problem gets its own line and fix, from recorded real outputs of real machines. */
class PythonDiagnosisTest {

  private static final PythonLocator.Located PY = new PythonLocator.Located(Path.of("/opt/env/bin/python3"), "VIRTUAL_ENV");

  private static PythonBackend.Run ok(ScriptOutput out) {
    CommandSpec spec = CommandSpec.of(Duration.ofSeconds(60), "/opt/env/bin/python3", "-", "verify");
    return new PythonBackend.Run(new CommandResult(spec, CommandResult.Status.OK, 0, "{}", "", 10), out, null);
  }

  private static PythonEnv env(String recorded) throws Exception {
    RecordedTorch r = RecordedTorch.load(recorded);
    return PythonDiagnosis.env(PY, ok(r.output()), r.host());
  }

  @Test
  void x86PythonUnderRosettaOnAppleSilicon() throws Exception {
    PythonEnv env = env("collect-env-macos-rosetta-m2pro.txt");
    assertEquals("x86_64", env.arch());
    assertTrue(env.diagnosis().startsWith("x86-64 Python under Rosetta 2 on Apple Silicon"), env.diagnosis());
    assertTrue(env.fix().contains("arm64 Python"), env.fix());
    assertEquals("VIRTUAL_ENV", env.found());
  }

  @Test
  void mpsBuiltButRefusedOnAnOldMacos() throws Exception {
    PythonEnv env = env("collect-env-macos13-arm64-torch2.10.txt");
    assertEquals(new PythonEnv.Mps(true, false), env.torch().mps());
    assertTrue(env.diagnosis().startsWith("MPS is built into torch 2.10.0.dev20251008 but not available"), env.diagnosis());
    assertTrue(env.fix().contains("macOS 14"), env.fix());
  }

  @Test
  void mpsBuiltButUnavailableOnMacos26() throws Exception {
    PythonEnv env = env("mps-check-macos26-built-unavailable.txt");
    assertEquals("arm64", env.arch());
    assertTrue(env.diagnosis().startsWith("MPS is built into torch 2.9.1 but not available"), env.diagnosis());
  }

  @Test
  void cpuOnlyWheelNextToAnNvidiaGpu() throws Exception {
    RecordedTorch r = RecordedTorch.load("collect-env-windows-cpu-wheel-rtx4080.txt");
    PythonEnv env = PythonDiagnosis.env(PY, ok(r.output()), r.host());
    assertNull(env.torch().cuda());
    assertEquals("torch 2.2.2 is a CPU-only build, but this host has an NVIDIA GeForce RTX 4080 Laptop GPU", env.diagnosis());
    assertTrue(env.fix().contains("--index-url https://download.pytorch.org/whl/cu"), env.fix());
    // the GPU the host has appears as a device that this Python cannot use, with the same fix
    List<DeviceResult> devices = PythonDiagnosis.devices(r.output(), env, r.host());
    DeviceResult cuda = devices.stream().filter(d -> d.device().equals("cuda")).findFirst().orElseThrow();
    assertEquals(false, cuda.verified());
    assertEquals(env.fix(), cuda.fix());
  }

  @Test
  void cudaBuildWithADriverTooOld() throws Exception {
    PythonEnv env = env("collect-env-linux-cuda-driver-too-old.txt");
    assertEquals("10.2", env.torch().cuda());
    assertTrue(env.diagnosis().startsWith("torch 1.12.1+cu102 is built for CUDA 10.2 but cannot use a GPU: The NVIDIA driver on your system is too old (found version 9010)"),
        env.diagnosis());
    assertTrue(env.fix().startsWith("update the NVIDIA driver"), env.fix());
  }

  @Test
  void processFailuresEachHaveTheirOwnLine() {
    CommandSpec spec = CommandSpec.of(Duration.ofSeconds(3), "/x/python3", "-", "verify");
    var missing = PythonDiagnosis.processFinding("/x/python3",
        new PythonBackend.Run(new CommandResult(spec, CommandResult.Status.NOT_FOUND, -1, "", "", 0), null, null)).orElseThrow();
    var crashed = PythonDiagnosis.processFinding("/x/python3",
        new PythonBackend.Run(new CommandResult(spec, CommandResult.Status.SIGNALLED, 139, "", "Fatal Python error: Segmentation fault", 5), null, null)).orElseThrow();
    var hung = PythonDiagnosis.processFinding("/x/python3",
        new PythonBackend.Run(new CommandResult(spec, CommandResult.Status.TIMED_OUT, -1, "", "", 3000), null, null)).orElseThrow();
    var old = PythonDiagnosis.processFinding("/x/python3",
        new PythonBackend.Run(new CommandResult(spec, CommandResult.Status.FAILED, 1, "", "    product = a @ b\n                ^\nSyntaxError: invalid syntax", 5), null, null)).orElseThrow();
    assertEquals("/x/python3: no such executable", missing.diagnosis());
    assertTrue(crashed.diagnosis().contains("killed by signal 11 (SIGSEGV)"), crashed.diagnosis());
    assertTrue(crashed.diagnosis().endsWith("last stderr line: Fatal Python error: Segmentation fault"), crashed.diagnosis());
    assertEquals("/x/python3 gave no answer within 3 s and was killed", hung.diagnosis());
    assertTrue(old.fix().contains("Python 3.8 or newer"), old.fix());
  }

  @Test
  void deviceFailuresGetTheirFix() {
    assertTrue(PythonDiagnosis.deviceFix("cuda:0 failed to compute: RuntimeError: CUDA error: no kernel image is available"
        + " for execution on the device").contains("compute capability"));
    assertTrue(PythonDiagnosis.deviceFix("cuda:0 failed to compute: OutOfMemoryError: CUDA out of memory.").contains("nvidia-smi"));
    assertTrue(PythonDiagnosis.deviceFix("mps differs from the CPU by 0.02 (tolerance 0.001)").contains("wrong results"));
    assertNull(PythonDiagnosis.deviceFix("cuda:0 failed to compute: RuntimeError: something new"));
  }

  @Test
  void theScriptFitsInOneArgument() {
    // a container side gets the script as python3 -c SCRIPT: Linux takes one argument of 128 KiB at
    // most (MAX_ARG_STRLEN). On stdin (the native side) its size does not matter: the runner writes
    // stdin on a thread of its own (ProcessRunnerTest, a child that never reads a larger stdin).
    assertTrue(PythonBackend.script().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 120_000);
  }
}
