package dev.envdoctor.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The datasheet table: complete, sourced, dense, and keyed by the names torch really prints. */
class GpuPeaksTest {

  private final GpuPeaks table = GpuPeaks.load();

  @Test
  void everyEntryHasEveryFigureAndASource() {
    assertTrue(table.gpus().size() >= 10);
    for (GpuPeaks.Entry e : table.gpus()) {
      assertNotNull(e.bf16Tflops(), e.model());
      assertNotNull(e.tf32Tflops(), e.model());
      assertNotNull(e.fp32Tflops(), e.model());
      assertNotNull(e.memoryGBs(), e.model());
      assertNotNull(e.powerW(), e.model());
      assertTrue(e.source() != null && e.source().contains("https://"), e.model());
      // dense: TF32 tensor is half of bf16 on every one of these architectures
      assertEquals(e.bf16Tflops() / 2, e.tf32Tflops(), e.bf16Tflops() * 0.01, e.model());
    }
  }

  /** Device names as torch.cuda.get_device_name / nvidia-smi print them. */
  @ParameterizedTest
  @CsvSource({
      "NVIDIA H100 80GB HBM3, NVIDIA H100 SXM5 80GB, 989.4, 3350",
      "NVIDIA H100 PCIe, NVIDIA H100 PCIe 80GB, 756.5, 2000",
      "NVIDIA H100 NVL, NVIDIA H100 NVL 94GB, 835.5, 3900",
      "NVIDIA H200, NVIDIA H200 SXM 141GB, 989.4, 4800",
      "NVIDIA A100-SXM4-40GB, NVIDIA A100 SXM4 40GB, 312, 1555",
      "NVIDIA A100-SXM4-80GB, NVIDIA A100 SXM4 80GB, 312, 2039",
      "NVIDIA A100-PCIE-40GB, NVIDIA A100 PCIe 40GB, 312, 1555",
      "NVIDIA A100 80GB PCIe, NVIDIA A100 PCIe 80GB, 312, 1935",
      "NVIDIA L4, NVIDIA L4, 121, 300",
      "NVIDIA GeForce RTX 4090, NVIDIA GeForce RTX 4090, 165.2, 1008",
  })
  void matchesTheNamesTorchPrints(String name, String model, double bf16, double memory) {
    GpuPeaks.Entry e = table.find(name).orElseThrow();
    assertEquals(model, e.model());
    assertEquals(bf16, e.bf16Tflops());
    assertEquals(memory, e.memoryGBs());
  }

  @Test
  void unknownCardsAndNoNameFindNothing() {
    assertTrue(table.find("NVIDIA GeForce GTX 1080").isEmpty());
    assertTrue(table.find("NVIDIA L40S").isEmpty());
    assertTrue(table.find(null).isEmpty());
  }
}
