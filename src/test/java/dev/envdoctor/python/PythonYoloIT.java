package dev.envdoctor.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.DeviceResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The YOLOv8 workload and the detection-ops verification in a real torch (Debian's, /usr/bin/python3). */
class PythonYoloIT {

  private final PythonBackend backend = new PythonBackend(new ProcessRunner());

  private ScriptOutput run(List<String> modes, String... options) {
    PythonBackend.Run run = backend.run(PythonScriptIT.TORCH_PYTHON, modes, List.of(options), Duration.ofSeconds(180));
    assertTrue(run.parsed(), run.result().describe() + "\n" + run.result().stderr());
    return run.output();
  }

  /** Ultralytics' table (80 classes, 640 px): parameters, forward GFLOPs; counted from the built torch network. */
  @Test
  void eachScaleBuiltInTorchMatchesTheTableWithinTwoPercent() {
    String snippet = String.join("\n",
        "import sys, torch",
        "ns = {'__name__': 'envdoctor_torch'}",
        "exec(sys.stdin.read(), ns)",
        "for s in 'nsmlx':",
        "    p, g = ns['yolo_counts'](torch, ns['yolo_model'](torch, 'yolov8' + s))",
        "    sys.__stdout__.write('%s %d %.4f\\n' % (s, p, g))");
    CommandResult r = new ProcessRunner().run(CommandSpec.of(Duration.ofSeconds(240),
        PythonScriptIT.TORCH_PYTHON.toString(), "-c", snippet).withStdin(PythonBackend.script()));
    assertEquals(CommandResult.Status.OK, r.status(), r.stderr());
    List<String> rows = r.stdoutLines();
    double[][] table = {{3.2, 8.7}, {11.2, 28.6}, {25.9, 78.9}, {43.7, 165.2}, {68.2, 257.8}};
    assertEquals(5, rows.size(), r.stdout());
    for (int i = 0; i < 5; i++) {
      String[] f = rows.get(i).split(" ");
      assertEquals(table[i][0], Long.parseLong(f[1]) / 1e6, 0.02 * table[i][0], rows.get(i));
      assertEquals(table[i][1], Double.parseDouble(f[2]), 0.02 * table[i][1], rows.get(i));
    }
  }

  @Test
  void projectionPointsAreTimedAfterTheWorkloadsWithTheDetectionLoss() {
    ScriptOutput out = run(List.of("calibrate"), "--device", "cpu", "--workloads", "cnn", "--steps", "3",
        "--seconds", "0.1", "--warmup-seconds", "0.1", "--threads", "2", "--project", "yolov8n@64x2,yolov8n@96x2");
    List<Calibration> cals = out.worker().calibrations();
    assertEquals(List.of("cnn", "yolov8n", "yolov8n"), cals.stream().map(Calibration::workload).toList());
    Calibration small = cals.get(1);
    assertEquals(64, small.imgsz());
    assertEquals(2, small.batch());
    assertEquals(96, cals.get(2).imgsz());
    for (Calibration c : cals.subList(1, 3)) {
      assertNull(c.diagnosis(), c.diagnosis());
      assertTrue(c.steps() >= 3 && c.warmupSteps() >= 2 && c.medianMs() > 0, c.toString());
    }
  }

  @Test
  void theDetectionOpsPassOnTheCpuAndAPlantedWrongGatherFailsAndIsNamed() {
    DeviceResult ok = run(List.of("verify"), "--device", "cpu").worker().devices().get(0);
    assertTrue(ok.verified(), ok.diagnosis());
    DeviceResult bad = run(List.of("verify"), "--device", "cpu", "--plant-wrong-op", "gather").worker().devices().get(0);
    assertFalse(bad.verified());
    assertTrue(bad.diagnosis().contains("op wrong: gather differs"), bad.diagnosis());
    assertFalse(bad.diagnosis().contains("scatter"), bad.diagnosis());
  }
}
