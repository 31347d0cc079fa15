package dev.envdoctor.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.run.Console;
import dev.envdoctor.run.OutputMode;
import dev.envdoctor.run.RunOptions;
import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Engine;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.Tool;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The verify and calibrate sections drawn from a report with several sides. */
class ViewsTest {

  private final StringWriter text = new StringWriter();

  private RunContext ctx() {
    PrintWriter out = new PrintWriter(text, true);
    return new RunContext(out, out, new Console(out, false), spec -> null, Clock.systemUTC(), Map.of(),
        OutputMode.CONSOLE, RunOptions.defaults(), Set.of(Phase.VERIFY));
  }

  private static Report report() {
    Report r = Report.empty(new Tool("envdoctor", "test"), "2026-11-25T00:00:00Z");
    return r.withEngines(List.of(new Engine("native", "torch", "2.11.0+cu130", "2.11.0+cu130", "/t", "cu130", null),
            new Engine("native", "DJL PyTorch", "0.36.0", "2.7.1", "/x", "cpu", null)))
        .withDevices(List.of(
            DeviceResultBuilder.builder()
                .runtime("native")
                .backend(Backend.DJL)
                .device("cpu")
                .verified(true)
                .maxAbsError(3.6e-7)
                .tolerance(1e-2)
                .stderrTail(List.of())
                .build(),
            DeviceResultBuilder.builder()
                .runtime("native")
                .backend(Backend.DJL)
                .device("cuda:0")
                .name("NVIDIA H100 80GB HBM3")
                .verified(false)
                .tolerance(1e-2)
                .diagnosis("the worker crashed with SIGSEGV")
                .fix("run 'envdoctor verify --device cpu'")
                .stderrTail(List.of("l1", "l2", "l3", "l4"))
                .build(),
            DeviceResultBuilder.builder()
                .runtime("docker")
                .backend(Backend.PYTHON)
                .device("cpu")
                .verified(true)
                .maxAbsError(1e-6)
                .tolerance(1e-3)
                .stderrTail(List.of())
                .build(),
            DeviceResultBuilder.builder()
                .runtime("podman")
                .backend(Backend.DJL)
                .device("cpu")
                .verified(true)
                .maxAbsError(1e-7)
                .tolerance(1e-2)
                .diagnosis("float32 gradients through a convolution's" + " input are wrong by 0.0082 on this CPU")
                .fix("set ONEDNN_MAX_CPU_ISA=SSE41")
                .stderrTail(List.of())
                .build()))
        .withCalibrations(List.of(
            new Calibration("native", Backend.DJL, "cpu", "mlp", 64, null, 3, 30, 5.25, 4.9, 6.1, 0.08, 12190.0, 48.9, 2.57e8,
                2, 400.0, List.of(5.25), null),
            new Calibration("docker", Backend.PYTHON, "cpu", "cnn", 16, 64, null, null, null, null, null, null, null, null,
                3.8e8, 2, 10.0, List.of(), "the worker gave no answer within 120 s")));
  }

  @Test
  void thePythonEnvHasItsSectionAfterTheNativeJvmEvenWithoutDevices() {
    var py = new dev.envdoctor.model.PythonEnv("/opt/py/bin/python3", "3.11.7", "x86_64", true, "VIRTUAL_ENV", null,
        "torch is not installed in this Python (/opt/py/bin/python3)", "install it there");
    new VerifyView().print(report().withPython(py), ctx());
    String s = text.toString();
    int jvm = s.indexOf("native JVM (DJL)");
    int python = s.indexOf("native Python");
    int docker = s.indexOf("docker · Python");
    assertTrue(jvm >= 0 && jvm < python && python < docker, s);
    assertTrue(s.contains("[✗] Python 3.11.7 at /opt/py/bin/python3 (VIRTUAL_ENV)"), s);
    assertTrue(s.contains("• fix: install it there"), s);
  }

  @Test
  void verifyGroupsBySideWithFiguresFixesAndTheLastLines() {
    new VerifyView().print(report(), ctx());
    String s = text.toString();
    assertTrue(s.contains("native JVM (DJL) — DJL PyTorch 0.36.0, libtorch 2.7.1 (cpu)"), s);
    assertTrue(s.contains("[✓] cpu computes: max abs error 3.6e-07 (tolerance 1.0e-02)"), s);
    assertTrue(s.contains("[✗] cuda:0 (NVIDIA H100 80GB HBM3): the worker crashed with SIGSEGV"), s);
    assertTrue(s.contains("✗ fix: run 'envdoctor verify --device cpu'"), s);
    assertTrue(s.contains("| l4") && !s.contains("| l1"), "last 3 lines only without -v: " + s);
    assertTrue(s.contains("docker · Python"), s);
    assertTrue(s.contains("! float32 gradients through a convolution's input are wrong by 0.0082"), s);
    assertTrue(s.contains("! fix: set ONEDNN_MAX_CPU_ISA=SSE41"), s);
  }

  @Test
  void calibrationTableAndFailures() {
    new CalibrationView().print(report(), ctx());
    String s = text.toString();
    assertTrue(s.contains("median ms"), s);
    assertTrue(s.lines().anyMatch(l -> l.startsWith("native JVM (DJL)  cpu") && l.contains("5.25") && l.contains("48.90")), s);
    assertTrue(s.contains("[✗] docker · Python cpu cnn: the worker gave no answer within 120 s"), s);
  }

  @Test
  void anEmptyReportSaysSo() {
    Report empty = Report.empty(new Tool("envdoctor", "test"), "2026-11-25T00:00:00Z");
    new VerifyView().print(empty, ctx());
    new CalibrationView().print(empty, ctx());
    assertTrue(text.toString().contains("[-] no side was verified"), text.toString());
    assertTrue(text.toString().contains("[-] no calibration ran"), text.toString());
  }
}
