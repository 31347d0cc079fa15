package dev.envdoctor.probe.nvidia;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envdoctor.model.GpuHealth;
import dev.envdoctor.probe.Recorded;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** XID lines of several driver generations, from public pastes (recorded/kernel-log/SOURCES.md). */
class KernelLogXidRecordingsTest {

  private static Map<String, List<GpuHealth.Xid>> xids(String file) {
    return KernelLogXid.parse(Recorded.text("kernel-log/" + file));
  }

  @Test
  void oldDriversWroteTheBusWithoutPci() {
    var syslog = xids("syslog-2012-geforce8500gt-xid13-no-pci.txt");
    assertEquals(List.of("0000:03:00"), List.copyOf(syslog.keySet()));
    assertEquals(13, syslog.get("0000:03:00").get(0).code());
    assertEquals(16, xids("forum-2012-driver310-xid16-no-pci.txt").get("0000:01:00").get(0).code());
    assertEquals(8, xids("forum-2012-xid8-no-pci.txt").get("0000:01:00").get(0).code());
  }

  @Test
  void newerDriversCountEachCodePerGpu() {
    var bumblebee = xids("bumblebee-677-xid32-31.txt").get("0000:01:00");
    assertEquals(List.of(32, 31), bumblebee.stream().map(GpuHealth.Xid::code).toList());
    assertEquals(2, bumblebee.get(0).count());
    assertEquals(2, xids("open-gpu-363-driver515-xid31.txt").get("0000:08:00").get(0).count());
    var journal = xids("open-gpu-1045-driver590-xid38-109-journal.txt").get("0000:07:00");
    assertEquals(List.of(38, 109), journal.stream().map(GpuHealth.Xid::code).toList());
    assertEquals(5, journal.get(1).count());
  }

  @Test
  void nvlinkXidsOnNonZeroPciDomains() {
    var nvlink = xids("gpud-1174-nvlink-xid149-145.txt");
    assertEquals(List.of("0019:01:00", "0000:00:00", "0018:01:00", "0000:9b:00"), List.copyOf(nvlink.keySet()));
    assertEquals(145, nvlink.get("0018:01:00").get(0).code());
    assertEquals(94, nvlink.get("0000:9b:00").get(0).code());
  }
}
