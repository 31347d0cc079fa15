package dev.envdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envdoctor.check.eval.Evaluator;
import dev.envdoctor.model.CheckResult;
import dev.envdoctor.model.CheckStatus;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.Host;
import dev.envdoctor.model.OsInfo;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.Tool;
import dev.envdoctor.probe.Recorded;
import dev.envdoctor.probe.nvidia.KernelLogXid;
import dev.envdoctor.probe.nvidia.NvidiaGpuDetails;
import dev.envdoctor.probe.nvidia.NvidiaHealthXml;
import dev.envdoctor.probe.nvidia.NvidiaSmiXml;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shipped nvidia-linux profile's GPU health checks on hosts built from recorded real
 * nvidia-smi -q -x outputs and kernel logs (only the host section is filled: the other checks skip).
 */
class GpuHealthChecksTest {

  /** A report whose host has the GPUs of this XML text with this kernel log's XIDs (null: no log). */
  private static Report report(String xmlText, String kernelLog) {
    List<GpuInfo> gpus = NvidiaGpuDetails.withHealth(NvidiaSmiXml.parse(xmlText).gpus(),
        KernelLogXid.attach(NvidiaHealthXml.parse(xmlText), kernelLog == null ? null : Recorded.text("kernel-log/" + kernelLog)));
    return Report.empty(new Tool("envdoctor", "test"), "2026-12-01T00:00:00Z")
        .withHost(new Host(new OsInfo("linux", "Ubuntu", "24.04", "6.8", "x86_64"), null, null, null, gpus, null, null));
  }

  /** The A10G recording moved to the bus address of the GPU in the real nvidia-docker #849 log, with that log. */
  private static Report a10gWithXids() {
    return report(Recorded.text("nvidia-smi/telegraf-a10g.xml").replace("00000000:00:1E.0", "00000000:8A:00.0"),
        "nvidia-docker-849-xid-48-63.txt");
  }

  private static Map<String, String> statuses(String xml, String kernelLog) {
    Report r = report(Recorded.text("nvidia-smi/" + xml), kernelLog);
    List<CheckResult> results = Evaluator.evaluate(CheckStage.load(Path.of("").toAbsolutePath(), "nvidia-linux"), r);
    return results.stream().filter(c -> c.id().startsWith("gpu-") && !c.id().startsWith("gpu-computes"))
        .collect(Collectors.toMap(CheckResult::id, c -> c.status().wire()));
  }

  @Test
  void theH200WithItsKernelLogPassesEveryHealthCheck() {
    assertEquals(Map.of("gpu-pcie-width", "pass", "gpu-pcie-gen", "pass", "gpu-ecc-uncorrectable", "pass",
        "gpu-row-remap-failure", "pass", "gpu-memory-repair-pending", "pass", "gpu-xid-errors", "pass",
        "gpu-clocks-throttled", "pass", "gpu-persistence-mode", "pass"), statuses("h200-q-x.xml", "h200-dmesg.txt"));
  }

  @Test
  void aReportWithHealthFactsAndXidsValidatesAgainstTheReportSchema() {
    String json = dev.envdoctor.model.ReportJson.write(a10gWithXids());
    assertEquals("[]", dev.envdoctor.report.Fixtures.violations(json).toString(), json);
  }

  @Test
  void theA10gAtX8FailsItsWidthNotItsIdleGenerationAndWarnsOnPersistenceOff() {
    Map<String, String> s = statuses("telegraf-a10g.xml", null);
    assertEquals("fail", s.get("gpu-pcie-width"));
    assertEquals("pass", s.get("gpu-pcie-gen"));
    assertEquals("warn", s.get("gpu-persistence-mode"));
    assertEquals("skip", s.get("gpu-xid-errors"), "no kernel log: unknown, not a pass");
  }

  /** Constructed: the real A10G recording, with the GPU at the bus address of the real nvidia-docker #849 log. */
  @Test
  void xidsInTheKernelLogFailTheNode() {
    CheckResult xid = Evaluator.evaluate(CheckStage.load(Path.of("").toAbsolutePath(), "nvidia-linux"), a10gWithXids()).stream()
        .filter(c -> c.id().equals("gpu-xid-errors")).findFirst().orElseThrow();
    assertEquals(CheckStatus.FAIL, xid.status(), xid.message());
  }
}
