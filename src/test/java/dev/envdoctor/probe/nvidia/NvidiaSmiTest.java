package dev.envdoctor.probe.nvidia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandResult.Status;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.probe.Recorded;
import dev.envdoctor.probe.Tool;
import java.util.List;
import org.junit.jupiter.api.Test;

/** nvidia-smi of the lent H100 (recorded/nvidia-smi), through the parsers and the fetch. */
class NvidiaSmiTest {

  private static final long H100_BYTES = 81559L * 1024 * 1024;
  private static final GpuInfo OSHI_H100 = GpuInfo.basic("GH100 [H100 SXM5 80GB]", "NVIDIA Corporation", null, null, null, null);
  private static final GpuInfo OSHI_BMC = GpuInfo.basic("ASPEED Graphics Family", "ASPEED Technology, Inc.", null, null, null, null);

  @Test
  void csvQueryOfTheH100() {
    List<GpuInfo> gpus = NvidiaSmiCsv.parse(NvidiaSmiCsv.FIELDS, Recorded.text("nvidia-smi/h100-query.csv"));
    assertEquals(1, gpus.size());
    GpuInfo g = gpus.get(0);
    assertEquals("NVIDIA H100 80GB HBM3", g.name());
    assertEquals(H100_BYTES, g.memoryBytes());
    assertEquals("580.159.04", g.driverVersion());
    assertEquals("9.0", g.computeCapability());
    assertEquals(1980L, g.smClockMaxMhz());
    assertEquals(2619L, g.memClockMaxMhz());
    assertEquals(700.0, g.powerLimitW());
    assertEquals(34.0, g.temperatureC());
    assertEquals(Boolean.TRUE, g.eccEnabled());
    assertEquals(Boolean.TRUE, g.persistenceMode());
    assertEquals("Gen5 x16", g.pcieLink());
    assertNull(g.cudaVersion(), "the CSV query has no CUDA field");
  }

  @Test
  void csvWithItsHeaderLine() {
    List<GpuInfo> gpus = NvidiaSmiCsv.parseWithHeader(Recorded.text("nvidia-smi/h100-query-header.csv"));
    assertEquals(1, gpus.size());
    assertEquals(H100_BYTES, gpus.get(0).memoryBytes(), "\"81559 MiB\" with its unit");
    assertEquals("9.0", gpus.get(0).computeCapability());
  }

  @Test
  void xmlOfTheH100() {
    NvidiaSmiXml.Log log = NvidiaSmiXml.parse(Recorded.text("nvidia-smi/h100-q-x.xml"));
    assertEquals("580.159.04", log.driverVersion());
    assertEquals("13.0", log.cudaVersion());
    GpuInfo g = log.gpus().get(0);
    assertEquals("NVIDIA H100 80GB HBM3", g.name());
    assertEquals(H100_BYTES, g.memoryBytes());
    assertEquals(1980L, g.smClockMaxMhz(), "max_clocks, not the current 480 MHz");
    assertEquals(2619L, g.memClockMaxMhz());
    assertEquals(700.0, g.powerLimitW(), "gpu_power_readings, not the N/A module readings");
    assertEquals(35.0, g.temperatureC());
    assertEquals(Boolean.TRUE, g.eccEnabled());
    assertEquals(Boolean.TRUE, g.persistenceMode());
    assertEquals("Gen5 x16", g.pcieLink());
  }

  @Test
  void notXmlIsAnEmptyLog() {
    assertTrue(NvidiaSmiXml.parse("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.").gpus().isEmpty());
    assertTrue(NvidiaSmiXml.parse(null).gpus().isEmpty());
  }

  @Test
  void fetchedTheH100ReplacesOshisPciNameAndKeepsTheBmcAdapter() {
    Recorded r = new Recorded().ok("nvidia-smi/h100-q-x.xml", "nvidia-smi", "-q", "-x")
        .ok("nvidia-smi/h100-query.csv", "nvidia-smi", "--query-gpu=" + String.join(",", NvidiaSmiCsv.FIELDS));
    List<GpuInfo> gpus = new NvidiaGpuDetails(new Tool(r)).read(() -> List.of(OSHI_BMC, OSHI_H100));
    assertEquals(2, gpus.size());
    GpuInfo g = gpus.get(0);
    assertEquals("NVIDIA H100 80GB HBM3", g.name());
    assertEquals("NVIDIA", g.vendor());
    assertEquals("13.0", g.cudaVersion(), "from the XML");
    assertEquals("9.0", g.computeCapability(), "from the CSV");
    assertEquals(34.0, g.temperatureC(), "the CSV wins where both know");
    assertEquals(OSHI_BMC, gpus.get(1));
  }

  @Test
  void aDriverThatRejectsACsvFieldStillHasItsXml() {
    Recorded r = new Recorded().ok("nvidia-smi/h100-q-x.xml", "nvidia-smi", "-q", "-x")
        .answer(Status.FAILED, 2, "Field \"compute_cap\" is not a valid field to query.\n", "nvidia-smi", "--query-gpu=" + String.join(",", NvidiaSmiCsv.FIELDS));
    GpuInfo g = new NvidiaGpuDetails(new Tool(r)).read(List::of).get(0);
    assertEquals("NVIDIA H100 80GB HBM3", g.name());
    assertEquals("13.0", g.cudaVersion());
    assertNull(g.computeCapability());
  }

  @Test
  void withoutNvidiaSmiOrWithABrokenDriverOshisListStays() {
    List<GpuInfo> oshi = List.of(OSHI_H100);
    assertEquals(oshi, new NvidiaGpuDetails(new Tool(new Recorded())).read(() -> oshi));
    Recorded broken = new Recorded().answer(Status.FAILED, 9,
        "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\n", "nvidia-smi");
    assertEquals(oshi, new NvidiaGpuDetails(new Tool(broken)).read(() -> oshi));
    Recorded hung = new Recorded().answer(Status.TIMED_OUT, -1, "", "nvidia-smi");
    assertEquals(oshi, new NvidiaGpuDetails(new Tool(hung)).read(() -> oshi));
  }
}
