package dev.envdoctor.probe.nvidia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.probe.Recorded;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * cuda:N to nvidia-smi's index through CUDA_VISIBLE_DEVICES, by the rules of the CUDA C Programming
 * Guide (indices, GPU and MIG UUIDs and unique prefixes; the list ends at the first entry naming no
 * device). UUIDs come from real `nvidia-smi -L` recordings (SOURCES.md): four A100-SXM4-80GB with
 * four MIG devices on GPU 0 (telegraf#5812), one A100 with seven (datadog-agent#33120).
 */
class CudaVisibleDevicesTest {

  private static final NvidiaSmiList.Listing FOUR = NvidiaSmiList.parse(Recorded.text("nvidia-smi/list-a100-4gpu-mig-on-gpu0.txt"));
  private static final NvidiaSmiList.Listing SEVEN_MIG = NvidiaSmiList.parse(Recorded.text("nvidia-smi/list-a100-1gpu-7mig.txt"));

  private static Optional<Integer> smi(String env, int cuda) {
    return CudaVisibleDevices.of(env).smiIndex(cuda, 4, FOUR);
  }

  @Test
  void theRecordedListingsGiveEachGpusUuidAndEachMigDevicesGpu() {
    assertEquals(List.of("GPU-513536b6-7d19-9063-b049-1e69664bb298", "GPU-d8594bd4-0fc3-8595-e355-7c98138f3b95",
        "GPU-5e375e7e-b41f-155b-dcdc-534524c356fc", "GPU-69ec2344-ebac-b028-f88f-452abb3d7f11"), FOUR.gpuUuids());
    assertEquals(4, FOUR.migParents().size());
    assertTrue(FOUR.migParents().values().stream().allMatch(i -> i == 0));
    assertEquals(1, SEVEN_MIG.gpuUuids().size());
    assertEquals(7, SEVEN_MIG.migParents().size());
  }

  @Test
  void unsetIsIdentityAndIndicesPickAndOrder() {
    assertEquals(Optional.of(0), smi(null, 0));
    assertEquals(Optional.of(3), smi(null, 3));
    assertEquals(Optional.empty(), smi(null, 4), "past the GPUs nvidia-smi lists");
    assertEquals(Optional.of(2), smi("2,3", 0), "PyTorch's cuda:0 is nvidia-smi's GPU 2");
    assertEquals(Optional.of(3), smi("2,3", 1));
    assertEquals(Optional.empty(), smi("2,3", 2), "only two visible");
    assertEquals(Optional.of(3), smi("3,0", 0), "the variable orders them too");
    assertEquals(Optional.of(1), smi(" 1 ", 0));
    assertEquals(Optional.empty(), smi("", 0), "set but empty: no GPU visible");
  }

  @Test
  void theListEndsAtTheFirstEntryThatNamesNoDevice() {
    assertEquals(Optional.of(2), smi("0,2,-1,1", 1), "the guide's example: 0 and 2 visible");
    assertEquals(Optional.empty(), smi("0,2,-1,1", 2), "device 1 after the invalid entry is not");
    assertEquals(Optional.empty(), smi("0,7,1", 1), "7 is past a 4-GPU node's last index");
    assertEquals(Optional.empty(), smi("GPU-ffffffff,1", 0), "a UUID no GPU has");
  }

  @Test
  void gpuUuidsAndTheirUniquePrefixesMapThroughNvidiaSmiL() {
    assertEquals(Optional.of(2), smi("GPU-5e375e7e-b41f-155b-dcdc-534524c356fc", 0));
    assertEquals(Optional.of(3), smi("GPU-69ec2344,GPU-d8594bd4", 0), "a unique prefix is enough");
    assertEquals(Optional.of(1), smi("GPU-69ec2344,GPU-d8594bd4", 1));
    assertEquals(Optional.empty(), smi("GPU-", 0), "a prefix of every GPU names none");
    assertTrue(CudaVisibleDevices.of("GPU-69ec2344").needsListing());
    assertFalse(CudaVisibleDevices.of("2,3").needsListing());
    assertEquals(Optional.empty(), CudaVisibleDevices.of("GPU-69ec2344").smiIndex(0, 4, null),
        "without nvidia-smi -L a UUID maps to nothing, never to a guess");
    assertEquals(Optional.of(2), CudaVisibleDevices.of("GPU-69ec2344,2").smiIndex(1, 4, null),
        "an index after an unmapped UUID still counts its place");
  }

  @Test
  void migDevicesMapToTheGpuTheyAreOn() {
    assertEquals(Optional.of(0), smi("MIG-a45882f0-9215-5733-a0c1-49286ab31cb5", 0));
    assertEquals(Optional.of(0), smi("MIG-GPU-513536b6-7d19-9063-b049-1e69664bb298/1/0", 0),
        "the legacy form names its GPU");
    assertEquals(Optional.of(0), CudaVisibleDevices.of("MIG-3f45d38c-8cee-503e-b806-a1f1bdceedeb").smiIndex(0, 1,
        SEVEN_MIG));
    assertEquals(Optional.empty(), smi("MIG-1aae4990-b962-574e-8375-119d6d9b9687", 0), "a MIG device of another node");
  }
}
