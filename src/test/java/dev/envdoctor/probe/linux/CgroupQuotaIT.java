package dev.envdoctor.probe.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.model.ReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real cgroup v1 CPU quota, made for the test: envdoctor's probe, started inside it, reports the
 * quota the test wrote and the throttling the kernel counted. Skipped where no v1 cpu hierarchy
 * can be written (not root, a v2-only machine).
 */
class CgroupQuotaIT {

  private static final Path CPU = Path.of("/sys/fs/cgroup/cpu");
  private final Path group = CPU.resolve("envdoctor-it-" + ProcessHandle.current().pid());

  @AfterEach
  void removeTheGroup() throws Exception {
    // the probe has ended, so the group is empty and can go
    Files.deleteIfExists(group);
  }

  @Test
  void theProbeInsideAQuotaOfAQuarterCpuReportsIt() throws Exception {
    assumeTrue(Files.isWritable(CPU) && Files.exists(CPU.resolve("cpu.cfs_quota_us")), "no writable cgroup v1 cpu hierarchy");
    Files.createDirectory(group);
    Files.writeString(group.resolve("cpu.cfs_quota_us"), "25000");
    long period = Long.parseLong(Files.readString(group.resolve("cpu.cfs_period_us")).strip());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    CommandResult r = new ProcessRunner().run(CommandSpec.of(Duration.ofSeconds(120), List.of("sh", "-c",
        "echo $$ > " + group.resolve("cgroup.procs") + " && exec \"$@\"", "sh", java, "-jar",
        System.getProperty("envdoctor.jar"), "probe", "--json")));
    assertEquals(CommandResult.Status.OK, r.status(), r.describe() + r.stderr());
    JsonNode a = ReportJson.mapper().readTree(r.stdout()).path("host").path("cpuAllowance");
    assertEquals(25000.0 / period, a.path("quotaCpus").asDouble(), 1e-9, a.toString());
    assertEquals("v1", a.path("cgroup").asText());
    // the kernel's own count for the group, read after the probe ended: the probe saw at most that
    long throttledAfter = Long.parseLong(Files.readAllLines(group.resolve("cpu.stat")).stream()
        .filter(l -> l.startsWith("nr_throttled ")).findFirst().orElseThrow().split(" ")[1]);
    assertTrue(a.path("nrThrottled").asLong() <= throttledAfter, a + " vs " + throttledAfter);
    assertTrue(throttledAfter > 0, "a JVM's start-up in a quarter CPU is throttled");
  }
}
