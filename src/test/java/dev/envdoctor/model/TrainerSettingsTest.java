package dev.envdoctor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainerSettingsTest {

  private static final TrainerSettings.Overrides NONE = TrainerSettings.Overrides.NONE;

  @Test
  void ultralyticsOnATwoCpuMachineTrainsOnOneThreadWithItsDataInProcess() {
    TrainerSettings s = TrainerSettings.of(null, "yolov8n", "cpu", null, 0, 2, 1, 8, NONE);
    assertEquals("ultralytics", s.trainer(), "a YOLO job's trainer");
    assertEquals(1, s.threads(), "min(8, 2 - 1)");
    assertEquals(0, s.workers());
    assertEquals("fp32", s.precision());
    assertFalse(s.pinMemory());
    assertEquals("1 thread, data in the training process, fp32", s.describe());
  }

  @Test
  void ultralyticsCapsItsThreadsAtEightAndKeepsOneCpuFree() {
    assertEquals(8, TrainerSettings.of("ultralytics", "yolov8m", "cpu", null, 0, 16, 16, 16, NONE).threads());
    assertEquals(9 - 1, TrainerSettings.of("ultralytics", "yolov8m", "mps", null, 0, 9, 9, 16, NONE).threads());
    assertEquals(1, TrainerSettings.of("ultralytics", "yolov8m", "cpu", null, 0, 1, 1, 16, NONE).threads(), "never below 1");
  }

  @Test
  void ultralyticsOnCudaTrainsWithAmpPinnedMemoryAndWorkersPerGpu() {
    TrainerSettings s = TrainerSettings.of(null, "yolov8m", "cuda:0", "NVIDIA H100 80GB HBM3", 1, 16, 16, 16, NONE);
    assertEquals("amp", s.precision());
    assertEquals(8, s.workers(), "min(16 CPUs per GPU, batch 16, 8)");
    assertTrue(s.pinMemory());
    assertEquals(2, TrainerSettings.of(null, "yolov8m", "cuda:0", "NVIDIA A100", 8, 16, 16, 16, NONE).workers(), "16 CPUs over 8 GPUs");
    assertEquals(4, TrainerSettings.of(null, "yolov8m", "cuda:0", "NVIDIA A100", 1, 16, 16, 4, NONE).workers(), "never more than the batch");
    assertEquals("fp32", TrainerSettings.of(null, "yolov8m", "cuda:0", "NVIDIA GeForce GTX 1660 SUPER", 1, 8, 8, 16, NONE).precision(),
        "its check_amp turns AMP off on a GTX 16xx");
  }

  @Test
  void plainTorchKeepsTorchsOwnDefaults() {
    TrainerSettings s = TrainerSettings.of("torch", "yolov8n", "cpu", null, 0, 2, 1, 8, NONE);
    assertEquals(1, s.threads(), "torch's default here");
    assertEquals(0, s.workers());
    assertEquals("fp32", s.precision());
    assertEquals(2, TrainerSettings.of("torch", "resnet50", "cpu", null, 0, 2, null, 8, NONE).threads(), "the CPUs where the default is not known");
  }

  @Test
  void whatTheUserStatesIsHonouredAndSaid() {
    TrainerSettings s = TrainerSettings.of("torch", "yolov8n", "cpu", null, 0, 2, 1, 8,
        new TrainerSettings.Overrides(2, 2, null));
    assertEquals(2, s.threads());
    assertEquals(2, s.workers());
    assertTrue(s.why().contains("--threads 2 (yours)"), s.why().toString());
    TrainerSettings amp = TrainerSettings.of("torch", "yolov8n", "cpu", null, 0, 2, 1, 8, new TrainerSettings.Overrides(null, null, "amp"));
    assertEquals("fp32", amp.precision(), "amp is CUDA's");
    assertTrue(amp.why().contains("amp is CUDA's: timed float32 on cpu"), amp.why().toString());
  }
}
