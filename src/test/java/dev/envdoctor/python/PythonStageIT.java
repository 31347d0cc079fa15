package dev.envdoctor.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.StageStatus;
import dev.envdoctor.run.Console;
import dev.envdoctor.run.OutputMode;
import dev.envdoctor.run.RunOptions;
import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.doctor.Stages;
import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.testing.CliHarness;
import dev.envdoctor.testing.ThisMachine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The python stage with real interpreters: Debian's torch Python, a venv made from it, the pyenv
 * Python without torch, and small real executables that crash, hang, print garbage or fail.
 */
class PythonStageIT {

  @TempDir
  Path dir;

  // ---- through the CLI, as a user runs it

  @Test
  void verifyJsonFindsTheExplicitPythonAndVerifiesItsCpu() throws IOException {
    // --runtime native: the python stage on this machine, not whether its engines hold a worker image
    var r = new CliHarness().run("verify", "--json", "--runtime", "native", "--python", "/usr/bin/python3");
    assertEquals(0, r.exitCode(), r.err());
    Report report = ReportJson.read(r.out());
    assertEquals("--python", report.python().found());
    assertEquals("/usr/bin/python3", report.python().executable());
    assertEquals(ThisMachine.torchVersion("/usr/bin/python3"), report.python().torch().version(), "its torch.__version__");
    assertNull(report.python().torch().cuda());
    assertNull(report.python().diagnosis());
    DeviceResult cpu = python(report, "cpu");
    assertEquals("native", cpu.runtime());
    assertTrue(cpu.verified());
    assertTrue(cpu.maxAbsError() > 0 && cpu.maxAbsError() <= cpu.tolerance());
    assertEquals("native", report.engines().stream().filter(e -> "torch".equals(e.name())).findFirst().orElseThrow().runtime());
    assertTrue(report.calibrations().isEmpty(), "verify does not calibrate");
  }

  @Test
  void aVenvIsFoundThroughVirtualEnv() throws Exception {
    Path venv = dir.resolve("venv");
    var made = new ProcessRunner().run(dev.envdoctor.exec.CommandSpec.of(Duration.ofSeconds(120),
        "/usr/bin/python3", "-m", "venv", "--system-site-packages", venv.toString()));
    assertTrue(made.ok(), made.describe() + made.stderr());
    var r = new CliHarness().env("VIRTUAL_ENV", venv.toString()).env("CONDA_PREFIX", null)
        .run("verify", "--json", "--backend", "python");
    Report report = ReportJson.read(r.out());
    assertEquals("VIRTUAL_ENV", report.python().found());
    assertEquals(Boolean.TRUE, report.python().venv());
    assertTrue(report.python().executable().startsWith(venv.toString()), report.python().executable());
    assertNotNull(report.python().torch(), "the venv sees the system torch");
    assertTrue(python(report, "cpu").verified());
  }

  @Test
  void thePythonOnPathWithoutTorchIsADiagnosisNotAnError() throws IOException {
    // a Python without torch made here, first on PATH: not whatever python3 this machine's PATH has
    Path bare = dir.resolve("bare");
    var made = new ProcessRunner().run(dev.envdoctor.exec.CommandSpec.of(Duration.ofSeconds(120),
        "/usr/bin/python3", "-m", "venv", "--without-pip", bare.toString()));
    assertTrue(made.ok(), made.describe() + made.stderr());
    var r = new CliHarness().env("VIRTUAL_ENV", null).env("CONDA_PREFIX", null)
        .env("PATH", bare.resolve("bin") + ":" + System.getenv("PATH")).run("verify", "--json", "--runtime", "native");
    assertEquals(0, r.exitCode(), r.err());
    Report report = ReportJson.read(r.out());
    assertEquals("PATH", report.python().found());
    assertTrue(report.python().executable().startsWith(bare.toString()), report.python().executable());
    assertNull(report.python().torch());
    assertTrue(report.python().diagnosis().startsWith("torch is not installed in this Python"), report.python().diagnosis());
    assertTrue(report.python().fix().contains("-m pip install torch"), report.python().fix());
    assertTrue(report.stages().stream().allMatch(s -> s.status() == StageStatus.OK));
  }

  @Test
  void calibrateWithThePythonBackendAddsBothWorkloads() throws IOException {
    // --backend python: no side runs the JVM worker, also where a worker image exists
    var r = new CliHarness().run("calibrate", "--json", "--backend", "python", "--python", "/usr/bin/python3",
        "--device", "cpu");
    assertEquals(0, r.exitCode(), r.err());
    Report report = ReportJson.read(r.out());
    assertEquals(2, report.calibrations().size(), report.calibrations().toString());
    for (Calibration c : report.calibrations()) {
      assertEquals("native", c.runtime());
      assertEquals(Backend.PYTHON, c.backend());
      assertTrue(c.steps() >= 5 && c.medianMs() > 0 && c.threads() > 0, c.toString());
    }
    assertTrue(report.peaks().isEmpty(), "peaks only with --full, and only on accelerators");
  }

  @Test
  void theDjlBackendAloneLeavesPythonOut() throws IOException {
    var r = new CliHarness().run("verify", "--json", "--backend", "djl", "--python", "/usr/bin/python3");
    Report report = ReportJson.read(r.out());
    assertNull(report.python());
    assertTrue(report.devices().stream().noneMatch(d -> d.backend() == Backend.PYTHON));
  }

  // ---- broken Pythons: each its own diagnosis, within the timeout, nothing left running

  /**
   * A fake interpreter running {@code body}. READ_PROGRAM reads stdin up to the loader's end marker,
   * as a Python running envdoctor's loader does: what follows on stdin is the side protocol's commands,
   * which a broken interpreter never reads.
   */
  private Path fake(String name, String body) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\necho $$ > \"$0.pid\"\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    return p;
  }

  private static final String READ_PROGRAM = "sed '/^#envdoctor-script-end$/q' > /dev/null";

  private Report stage(Path python, Duration timeout) {
    RunOptions options = RunOptions.defaults().withPython(python);
    StringWriter sink = new StringWriter();
    PrintWriter w = new PrintWriter(sink);
    Map<String, String> env = new HashMap<>(System.getenv());
    RunContext ctx = new RunContext(w, w, new Console(w, false), new ProcessRunner(), Clock.systemUTC(), env,
        OutputMode.CONSOLE, options, EnumSet.of(Phase.PROBE, Phase.VERIFY));
    var budget = new PythonStage.Budget(timeout, timeout, timeout);
    return new PythonStage(budget).run(Stages.newReport(ctx), ctx);
  }

  private long pid(Path fake, String suffix) throws IOException {
    return Long.parseLong(Files.readString(Path.of(fake + suffix)).strip());
  }

  @Test
  void aPythonKilledBySigsegv() throws Exception {
    Path py = fake("segv-python", "echo 'Fatal Python error: Segmentation fault' >&2\nkill -SEGV $$");
    Report report = stage(py, Duration.ofSeconds(20));
    assertTrue(report.python().diagnosis().startsWith(py + " crashed: killed by signal 11 (SIGSEGV)"),
        report.python().diagnosis());
    assertTrue(report.python().diagnosis().endsWith("Fatal Python error: Segmentation fault"));
    assertTrue(gone(pid(py, ".pid")));
    assertTrue(report.devices().isEmpty());
  }

  @Test
  void aPythonThatHangsIsKilledWithItsChildren() throws Exception {
    Path py = fake("hanging-python", "sleep 1000 &\necho $! > \"$0.child\"\nwait");
    long t0 = System.nanoTime();
    Report report = stage(py, Duration.ofSeconds(2));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < 10_000, "took " + ms + " ms");
    assertEquals(py + " gave no answer within 2 s and was killed", report.python().diagnosis());
    assertTrue(gone(pid(py, ".pid")), "the interpreter survived");
    assertTrue(gone(pid(py, ".child")), "its child survived");
  }

  /**
   * The real torch Python behind a pipe that passes the side's commands until the first `project`
   * (the thread trial's), then none: the side answers that one and waits for the next, which never
   * comes, until the stage's time limit stops it. What it finished (its calibrations) is kept and the
   * line says it was stopped; before, a side stopped at its limit lost everything (a --full doctor on
   * the 2-core VM, 2026-12-07 22:14 UTC: "no calibrations" after 600 s).
   */
  @Test
  void aRealPythonStoppedAtItsTimeLimitKeepsWhatItFinished() throws Exception {
    // a shell loop, not awk: Debian's mawk buffers its input and held the script's last lines back
    Path py = fake("stalled-python", "while IFS= read -r line; do printf '%s\\n' \"$line\"; "
        + "case \"$line\" in 'project '*) while :; do sleep 1; done;; esac; done | /usr/bin/python3 \"$@\"");
    RunOptions options = RunOptions.defaults().withPython(py);
    StringWriter sink = new StringWriter();
    PrintWriter w = new PrintWriter(sink);
    RunContext ctx = new RunContext(w, w, new Console(w, false), new ProcessRunner(), Clock.systemUTC(),
        new HashMap<>(System.getenv()), OutputMode.CONSOLE, options, EnumSet.of(Phase.PROBE, Phase.VERIFY, Phase.CALIBRATE));
    Duration limit = Duration.ofSeconds(25);
    long t0 = System.nanoTime();
    Report report = new PythonStage(new PythonStage.Budget(limit, limit, limit)).run(Stages.newReport(ctx), ctx);
    assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(60).toNanos(), "the limit held");
    assertTrue(report.python().diagnosis().startsWith(py + " ran past its 25 s and was stopped: what it finished is kept"),
        report.python().diagnosis() + "\n" + sink + "\n" + report.calibrations() + "\n" + report.python());
    assertNotNull(report.python().torch(), "the greeting's torch is kept");
    Calibration cnn = report.calibrations().stream().filter(c -> "cnn".equals(c.workload())).findFirst().orElseThrow(
        () -> new AssertionError(report.calibrations().toString()));
    assertNull(cnn.diagnosis(), cnn.toString());
    assertTrue(cnn.medianMs() > 0 && cnn.steps() >= 5, cnn.toString());
    assertTrue(gone(pid(py, ".pid")), "the wrapper survived");
  }

  @Test
  void aPythonThatPrintsGarbage() throws Exception {
    Path py = fake("garbage-python", READ_PROGRAM + "\necho 'Welcome to FancyShell 3.0'\necho '{not json'");
    Report report = stage(py, Duration.ofSeconds(20));
    assertEquals(py + " printed something that is not envdoctor's JSON: \"Welcome to FancyShell 3.0\"",
        report.python().diagnosis());
    assertTrue(report.python().fix().contains("sitecustomize"));
    assertTrue(gone(pid(py, ".pid")));
  }

  @Test
  void aPythonThatFailsWithATraceback() throws Exception {
    Path py = fake("failing-python", String.join("\n",
        READ_PROGRAM,
        "echo 'Traceback (most recent call last):' >&2",
        "echo '  File \"<stdin>\", line 6, in <module>' >&2",
        "echo 'ModuleNotFoundError: No module named '\\''encodings'\\''' >&2",
        "exit 1"));
    Report report = stage(py, Duration.ofSeconds(20));
    assertEquals(py + " exited with code 1; last stderr line: ModuleNotFoundError: No module named 'encodings'",
        report.python().diagnosis());
    assertTrue(report.python().fix().contains("by hand"));
    assertTrue(gone(pid(py, ".pid")));
  }

  @Test
  void aMissingExplicitPython() {
    Path py = dir.resolve("no/such/python3");
    Report report = stage(py, Duration.ofSeconds(5));
    assertEquals(py + ": no such executable", report.python().diagnosis());
    assertEquals("--python", report.python().found());
  }

  @Test
  void everyBrokenPythonHasItsOwnLine() throws Exception {
    Set<String> lines = new java.util.HashSet<>();
    lines.add(stage(fake("a", "kill -SEGV $$"), Duration.ofSeconds(20)).python().diagnosis().replace(dir + "/a", ""));
    lines.add(stage(fake("b", "sleep 1000"), Duration.ofSeconds(1)).python().diagnosis().replace(dir + "/b", ""));
    lines.add(stage(fake("c", READ_PROGRAM + "; echo hi"), Duration.ofSeconds(20)).python().diagnosis().replace(dir + "/c", ""));
    lines.add(stage(fake("d", READ_PROGRAM + "; exit 1"), Duration.ofSeconds(20)).python().diagnosis().replace(dir + "/d", ""));
    lines.add(stage(dir.resolve("e"), Duration.ofSeconds(5)).python().diagnosis().replace(dir + "/e", ""));
    assertEquals(5, lines.size(), lines.toString());
    assertFalse(lines.contains(null));
  }

  private static DeviceResult python(Report report, String device) {
    return report.devices().stream().filter(d -> d.backend() == Backend.PYTHON && device.equals(d.device()))
        .findFirst().orElseThrow();
  }

  /** Gone, or a zombie waiting for its reaper: either way it no longer runs. */
  static boolean gone(long pid) throws Exception {
    long deadline = System.currentTimeMillis() + 5_000;
    while (System.currentTimeMillis() < deadline) {
      Path stat = Path.of("/proc/" + pid + "/stat");
      if (!Files.exists(stat) || Files.readString(stat).replaceFirst(".*\\) ", "").startsWith("Z")) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }
}
