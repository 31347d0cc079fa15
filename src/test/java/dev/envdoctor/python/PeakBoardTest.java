package dev.envdoctor.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.Host;
import dev.envdoctor.probe.nvidia.CudaVisibleDevices;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which board a torch peak ran on, for its clocks and its facts: cuda:N as CUDA_VISIBLE_DEVICES maps
 * it to nvidia-smi's index. Constructed host: two boards of one model told apart by their PCIe link.
 */
class PeakBoardTest {

  private static final String NAME = "NVIDIA H100 80GB HBM3";

  private static GpuInfo board(String link) {
    return new GpuInfo(NAME, "NVIDIA", 85_899_345_920L, "580.95.05", "9.0", null, "13.0", 1980L, 2619L, 700.0, 30.0,
        true, true, link);
  }

  private static final Host TWO = new Host(null, null, null, null, List.of(board("Gen5 x16"), board("Gen4 x8")), null, null);

  @Test
  void unsetCudaZeroIsTheFirstBoard() {
    CudaVisibleDevices unset = CudaVisibleDevices.of(null);
    assertEquals(Optional.of(0), PythonStage.smiIndex(TWO, "cuda:0", unset));
    assertEquals("Gen5 x16", PythonStage.hostGpu(TWO, NAME, "cuda:0", unset).orElseThrow().pcieLink());
    assertEquals("Gen4 x8", PythonStage.hostGpu(TWO, NAME, "cuda:1", unset).orElseThrow().pcieLink());
  }

  @Test
  void visibleDevicesOneMakesCudaZeroTheSecondBoard() {
    CudaVisibleDevices one = CudaVisibleDevices.of("1");
    assertEquals(Optional.of(1), PythonStage.smiIndex(TWO, "cuda:0", one));
    assertEquals("Gen4 x8", PythonStage.hostGpu(TWO, NAME, "cuda:0", one).orElseThrow().pcieLink());
    assertEquals(Optional.empty(), PythonStage.smiIndex(TWO, "cuda:1", one), "only one device is visible");
  }

  @Test
  void aUuidWithoutAListingNamesNoBoardRatherThanAGuess() {
    CudaVisibleDevices uuid = CudaVisibleDevices.of("GPU-5a4b1c2d-1111-2222-3333-444455556666");
    assertEquals(Optional.empty(), PythonStage.hostGpu(TWO, NAME, "cuda:0", uuid));
    assertEquals(Optional.empty(), PythonStage.smiIndex(TWO, "mps", CudaVisibleDevices.of(null)));
  }
}
