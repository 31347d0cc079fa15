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
    PythonBackend.Run run = ScriptRuns.run(backend, PythonScriptIT.TORCH_PYTHON, modes, List.of(options), Duration.ofSeconds(180));
    assertTrue(run.parsed(), run.result().describe() + "\n" + run.result().stderr());
    return run.output();
  }

  /** Runs {@code lines} in the real torch with envdoctor's script loaded as {@code ns}; fails unless it exits 0. */
  private static CommandResult script(String... lines) {
    String snippet = String.join("\n", "import sys, torch", "ns = {'__name__': 'envdoctor_torch'}",
        "exec(sys.stdin.read(), ns)", String.join("\n", lines));
    CommandResult r = new ProcessRunner().run(CommandSpec.of(Duration.ofSeconds(240),
        PythonScriptIT.TORCH_PYTHON.toString(), "-c", snippet).withStdin(PythonBackend.script()));
    assertEquals(CommandResult.Status.OK, r.status(), r.stderr());
    return r;
  }

  /** Ultralytics' table (80 classes, 640 px): parameters, forward GFLOPs; counted from the built torch network. */
  @Test
  void eachScaleBuiltInTorchMatchesTheTableWithinTwoPercent() {
    CommandResult r = script(
        "for s in 'nsmlx':",
        "    p, g = ns['yolo_counts'](torch, ns['yolo_model'](torch, 'yolov8' + s))",
        "    sys.__stdout__.write('%s %d %.4f\\n' % (s, p, g))");
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

  /**
   * yolo_step clips the gradients to a total norm of 10 (Ultralytics' trainer) and skips the update
   * where the norm is not finite: a NaN planted in the image leaves the weights as they were, a sound
   * step after it moves them, and the clipped gradient's norm is 10.
   */
  @Test
  void theStepClipsTheGradientsAndSkipsANonFiniteUpdate() {
    CommandResult r = script(
        "torch.manual_seed(0)",
        "model = ns['yolo_model'](torch, 'yolov8n')",
        "opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.937, nesterov=True)",
        "g = torch.Generator().manual_seed(1)",
        "boxes, labels = ns['yolo_targets'](torch, 2, 64, 80, g)",
        "before = [p.detach().clone() for p in model.parameters()]",
        "x = torch.rand(2, 3, 64, 64)",
        "x[0, 0, 0, 0] = float('nan')",
        "ns['yolo_step'](torch, model, opt, x, (boxes, labels), 64)",
        "same = all(torch.equal(a, p) for a, p in zip(before, model.parameters()))",
        "ns['yolo_step'](torch, model, opt, torch.rand(2, 3, 64, 64), (boxes, labels), 64)",
        "moved = not all(torch.equal(a, p) for a, p in zip(before, model.parameters()))",
        "norm = torch.norm(torch.stack([p.grad.norm() for p in model.parameters() if p.grad is not None])).item()",
        "sys.__stdout__.write('%s %s %.4f\\n' % (same, moved, norm))");
    String[] f = r.stdout().strip().split(" ");
    assertEquals("True", f[0], "the NaN step left the weights: " + r.stdout());
    assertEquals("True", f[1], "the sound step moved them: " + r.stdout());
    assertTrue(Double.parseDouble(f[2]) <= 10.0 + 1e-3, "clipped to a norm of 10: " + r.stdout());
  }

  /** The job's own size after '~': timed where the point before it, scaled by pixels × batch, fits the cap. */
  @Test
  void theOwnSizeIsTimedOnlyUnderItsCap() {
    for (String cap : List.of("100000", "1")) {
      ScriptOutput out = run(List.of("calibrate"), "--device", "cpu", "--workloads", "cnn", "--steps", "3",
          "--seconds", "0.1", "--warmup-seconds", "0.1", "--threads", "2", "--project",
          "yolov8n@64x2,yolov8n@96x2,yolov8n@128x2~" + cap);
      List<Integer> sizes = out.worker().calibrations().stream().filter(c -> "yolov8n".equals(c.workload()))
          .map(Calibration::imgsz).toList();
      assertEquals(cap.equals("1") ? List.of(64, 96) : List.of(64, 96, 128), sizes, "cap " + cap + " ms");
    }
  }
}
