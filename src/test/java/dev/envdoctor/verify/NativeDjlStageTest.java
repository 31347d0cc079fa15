package dev.envdoctor.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.model.Engine;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.Host;
import dev.envdoctor.model.Jvm;
import dev.envdoctor.model.OsInfo;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.Tool;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stage's pure parts: which sides it serves, and what the probe's facts add. */
class NativeDjlStageTest {

  private static final DeviceResult CPU = DeviceResultBuilder.builder()
      .runtime("native")
      .backend(Backend.DJL)
      .device("cpu")
      .verified(true)
      .maxAbsError(1e-7)
      .tolerance(1e-2)
      .stderrTail(List.of())
      .build();

  @Test
  void runtimeAndBackendOptions() {
    assertTrue(dev.envdoctor.run.RunOptions.selects("all", "native"));
    assertTrue(dev.envdoctor.run.RunOptions.selects("native,docker", "native"));
    assertFalse(dev.envdoctor.run.RunOptions.selects("docker", "native"));
    assertFalse(dev.envdoctor.run.RunOptions.selects("python", "djl"));
  }

  @Test
  void aRosettaJvmOnAppleSiliconGetsAnMpsEntryWithTheFix() {
    Host mac = new Host(new OsInfo("macos", "macOS", "15.1", "24.1.0", "arm64"), null, null, null, null, null, null);
    Report r = Report.empty(new Tool("envdoctor", "t"), "now").withHost(mac)
        .withJvm(new Jvm("17", "Oracle", "x86_64", true, "/jdk"));
    List<DeviceResult> out = NativeDjlStage.withHostFacts(List.of(CPU), r, "all");
    assertEquals(2, out.size());
    DeviceResult mps = out.get(1);
    assertEquals("mps", mps.device());
    assertFalse(mps.verified());
    assertTrue(mps.diagnosis().contains("Rosetta"), mps.diagnosis());
  }

  @Test
  void onLinuxNothingIsAdded() {
    Host linux = new Host(new OsInfo("linux", "Debian", "12", "6.1", "x86_64"), null, null, null, null, null, null);
    Report r = Report.empty(new Tool("envdoctor", "t"), "now").withHost(linux);
    assertEquals(List.of(CPU), NativeDjlStage.withHostFacts(List.of(CPU), r, "all"));
  }

  @Test
  void djlsCudaNoteIsDroppedWhereTheProbeSawNoNvidiaGpu() {
    Engine e = new Engine("native", "DJL PyTorch", "0.36.0", "2.7.1", "/x", "cpu",
        "DJL's CUDA check: Failed to detect GPU count: CUDA driver version is insufficient for CUDA runtime version (35)"
            + ": DJL can use no CUDA GPU here (expected where there is no NVIDIA GPU)");
    Host noGpu = new Host(null, null, null, null, List.of(), null, null);
    assertNull(NativeDjlStage.withHostFacts(e, noGpu).diagnosis());
    Host nvidia = new Host(null, null, null, null, List.of(GpuInfo.basic("H100", "NVIDIA", null, "580", "9.0", null)),
        null, null);
    assertSame(e, NativeDjlStage.withHostFacts(e, nvidia));
    assertSame(e, NativeDjlStage.withHostFacts(e, null), "unknown host: keep what DJL said");
  }

  @Test
  void anNvidiaGpuDjlCannotSeeGetsACudaEntry() {
    Host h100 = new Host(null, null, null, null, List.of(GpuInfo.basic("NVIDIA H100 80GB HBM3", "NVIDIA", null, "580",
        "9.0", null)), null, null);
    Report r = Report.empty(new Tool("envdoctor", "t"), "now").withHost(h100);
    Engine cpuOnly = new Engine("native", "DJL PyTorch", "0.36.0", "2.7.1", "/x", "cpu", null);
    List<DeviceResult> out = NativeDjlStage.withCudaFacts(List.of(CPU), r, cpuOnly, "all");
    DeviceResult cuda = out.get(1);
    assertEquals("cuda:0", cuda.device());
    assertFalse(cuda.verified());
    assertTrue(cuda.diagnosis().contains("NVIDIA H100 80GB HBM3 but DJL's libtorch 2.7.1 (flavor cpu)"), cuda.diagnosis());
    assertEquals(List.of(CPU), NativeDjlStage.withCudaFacts(List.of(CPU), r, cpuOnly, "cpu"), "not asked for");
  }

  @Test
  void gpuNamesComeFromTheProbe() {
    Host host = new Host(null, null, null, null, List.of(GpuInfo.basic("NVIDIA H100 80GB HBM3", "NVIDIA", null, "580",
        "9.0", null)), null, null);
    DeviceResult cuda = DeviceResultBuilder.builder()
        .runtime("native")
        .backend(Backend.DJL)
        .device("cuda:0")
        .verified(true)
        .maxAbsError(1e-4)
        .tolerance(1e-2)
        .stderrTail(List.of())
        .build();
    List<DeviceResult> out = GpuNames.of(List.of(CPU, cuda), host);
    assertEquals("NVIDIA H100 80GB HBM3", out.get(1).name());
    assertSame(CPU, out.get(0));
  }

  /** CUDA_VISIBLE_DEVICES=2,3 on a node of unlike GPUs (constructed): cuda:0 is nvidia-smi's GPU 2. */
  @Test
  void gpuNamesFollowCudaVisibleDevices() {
    Host host = new Host(null, null, null, null, List.of(GpuInfo.basic("GPU zero", "NVIDIA", null, "580", "9.0", null),
        GpuInfo.basic("GPU one", "NVIDIA", null, "580", "9.0", null), GpuInfo.basic("GPU two", "NVIDIA", null, "580",
            "9.0", null), GpuInfo.basic("GPU three", "NVIDIA", null, "580", "9.0", null)), null, null);
    DeviceResult cuda0 = new DeviceResult("native", Backend.DJL, "cuda:0", null, true, 1e-4, 1e-2, null, null, List.of());
    DeviceResult cuda1 = new DeviceResult("native", Backend.DJL, "cuda:1", null, true, 1e-4, 1e-2, null, null, List.of());
    List<DeviceResult> out = GpuNames.of(List.of(cuda0, cuda1), host,
        dev.envdoctor.probe.nvidia.CudaVisibleDevices.of("2,3"));
    assertEquals("GPU two", out.get(0).name());
    assertEquals("GPU three", out.get(1).name());
    assertEquals(null, GpuNames.of(List.of(cuda0), host,
        dev.envdoctor.probe.nvidia.CudaVisibleDevices.of("GPU-0123")).get(0).name(), "a UUID: no name rather than GPU zero's");
    assertEquals("GPU zero", GpuNames.of(List.of(cuda0), host).get(0).name(), "unset: identity");
  }
}
