package dev.envdoctor.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.run.Console;
import dev.envdoctor.run.OutputMode;
import dev.envdoctor.run.RunOptions;
import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.PythonEnv;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.Tool;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a person reads about their Python: one marked line, its devices, and the fix. */
class PythonViewTest {

  private static String render(Report report) {
    StringWriter out = new StringWriter();
    PrintWriter w = new PrintWriter(out);
    RunContext ctx = new RunContext(w, w, new Console(w, false), spec -> null, Clock.systemUTC(), Map.of(),
        OutputMode.CONSOLE, RunOptions.defaults(), Set.of(Phase.VERIFY));
    new PythonView().print(report, ctx);
    w.flush();
    return out.toString();
  }

  private static Report report(PythonEnv env, List<DeviceResult> devices) {
    return Report.empty(new Tool("envdoctor", "test"), "2026-11-25T00:00:00Z").withPython(env).withDevices(devices);
  }

  @Test
  void aWorkingEnvWithItsVerifiedCpu() {
    PythonEnv env = new PythonEnv("/usr/bin/python3", "3.11.2", "x86_64", false, "--python",
        new PythonEnv.Torch("1.13.0a0", null, new PythonEnv.Mps(false, false), null), null, null);
    DeviceResult cpu = DeviceResultBuilder.builder()
        .runtime("native")
        .backend(Backend.PYTHON)
        .device("cpu")
        .name("AMD EPYC")
        .verified(true)
        .maxAbsError(2.6e-6)
        .tolerance(1e-3)
        .build();
    assertEquals("""
        [✓] Python 3.11.2 at /usr/bin/python3 (--python), torch 1.13.0a0
            ✓ cpu (AMD EPYC) computes: max abs error 2.6e-06 (tolerance 1e-03)
        """, render(report(env, List.of(cpu))));
  }

  @Test
  void anEnvWithoutTorchSaysWhatToDo() {
    PythonEnv env = new PythonEnv("/root/.pyenv/versions/3.11.7/bin/python3", "3.11.7", "x86_64", false, "PATH", null,
        "torch is not installed in this Python (/root/.pyenv/shims/python3)",
        "install it there (`/root/.pyenv/shims/python3 -m pip install torch`) or point envdoctor at the env that has it");
    assertEquals("""
        [!] Python 3.11.7 at /root/.pyenv/versions/3.11.7/bin/python3 (PATH)
            torch is not installed in this Python (/root/.pyenv/shims/python3)
            • fix: install it there (`/root/.pyenv/shims/python3 -m pip install torch`) or point envdoctor at the env that has it
        """, render(report(env, List.of())), "python3 from PATH is envdoctor's guess: a warning");
    PythonEnv named = new PythonEnv(env.executable(), env.version(), env.arch(), env.venv(), "--python", null,
        env.diagnosis(), env.fix());
    assertTrue(render(report(named, List.of())).startsWith("[✗] Python 3.11.7"), "the one you named: a failure");
  }

  @Test
  void noPythonAtAll() {
    assertEquals("""
        [!] Python: no Python found: no --python, no $VIRTUAL_ENV, no $CONDA_PREFIX and no python3 on PATH
            • fix: activate your training environment or pass --python PATH (Python 3.8+ with torch)
        """, render(report(PythonDiagnosis.notFound(), List.of())));
  }
}
