package dev.envdoctor.probe.macos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.probe.Recorded;
import java.util.List;
import org.junit.jupiter.api.Test;

class SystemProfilerDisplaysTest {

  @Test
  void intelMacListsBothGpusWithTheirMemory() {
    List<GpuInfo> gpus = SystemProfilerDisplays.parse(Recorded.text("system_profiler/constructed-intel-two-gpus.json"));
    assertEquals(2, gpus.size());
    assertEquals("Intel UHD Graphics 630", gpus.get(0).name());
    assertEquals("Intel", gpus.get(0).vendor());
    assertEquals(1536L << 20, gpus.get(0).memoryBytes());
    assertEquals("AMD", gpus.get(1).vendor());
    assertEquals(4L << 30, gpus.get(1).memoryBytes());
    assertNull(gpus.get(1).cores());
  }

  @Test
  void notJsonOrEmptyIsNoGpus() {
    assertTrue(SystemProfilerDisplays.parse("").isEmpty());
    assertTrue(SystemProfilerDisplays.parse("{\"SPDisplaysDataType\": 3}").isEmpty());
    assertTrue(SystemProfilerDisplays.parse(null).isEmpty());
  }
}
