package dev.envdoctor.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.model.RuntimeStatus;
import dev.envdoctor.recommend.RecordedReports;
import dev.envdoctor.recommend.Verdict;
import dev.envdoctor.recommend.Workloads;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * From detection to verdict: the constructed M4 Pro report (14 CPUs, 48 GiB) with its container
 * side run in Apple's container instead of Docker Desktop, and the runtimes[] entry that detection
 * gives from the recorded 0.11 outputs. The verdict must name the product and the no-Metal cause.
 */
class AppleContainerVerdictTest {

  @Test
  void theVerdictSaysAppleContainerHasNoMetalAndFourCpus() throws IOException {
    HostFacts m4 = new HostFacts("macos", "aarch64", 14, 48L << 30);
    AppleContainerEngineTest.Replay replay = new AppleContainerEngineTest.Replay()
        .ok("container --version", "apple-container/version-1.3.1.txt")
        .ok("container system status", "apple-container/status-running-0.11.0.txt")
        .ok("container system property list", "apple-container/property-list-0.6.0.txt");
    RuntimeInfo detected = new AppleContainerEngine().detect(
        new EngineProbe(replay, Map.of(), m4, Duration.ofSeconds(6), List.of()));
    assertEquals(RuntimeStatus.OK, detected.status());

    String json = RecordedReports.text(RecordedReports.MAC_M4_DOCKER_DESKTOP)
        .replace("\"runtime\": \"docker\"", "\"runtime\": \"container\"");
    Report mac = ReportJson.read(json);
    Report apple = mac.withRuntimes(Stream.concat(Stream.of(detected),
        mac.runtimes().stream().filter(r -> !"docker".equals(r.name()))).toList());

    Recommendation rec = Verdict.decide(apple, Workloads.DEFAULT);
    assertEquals("native", rec.train().runtime(), rec.verdict());
    assertTrue(rec.reason().contains("Apple container on macOS runs Linux in a VM without Metal"), rec.reason());
    assertTrue(rec.reason().contains("the Apple container VM has 4 of 14 CPUs"), rec.reason());
  }
}
