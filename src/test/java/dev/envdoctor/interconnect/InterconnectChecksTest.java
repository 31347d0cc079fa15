package dev.envdoctor.interconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.model.Interconnect;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.testing.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default profile's interconnect checks on the constructed 8-GPU node (InterconnectViewTest), through the CLI. */
class InterconnectChecksTest {

  @TempDir
  Path dir;

  private JsonNode check(Report r, String id) throws Exception {
    Path file = dir.resolve("r.json");
    Files.writeString(file, ReportJson.write(r));
    var out = new CliHarness().run("check", "--profile", "default", "--from", file.toString(), "--json");
    for (JsonNode c : ReportJson.mapper().readTree(out.out()).get("checks")) {
      if (c.get("id").asText().equals(id)) {
        return c;
      }
    }
    throw new AssertionError(id + " absent: " + out.out() + out.err());
  }

  @Test
  void halfTheLinksRateWarnsAndCorrectSumsPass() throws Exception {
    Report node = InterconnectViewTest.node();
    assertEquals("pass", check(node, "interconnect-sums-correct").get("status").asText());
    JsonNode rate = check(node, "interconnect-at-link-rate");
    assertEquals("warn", rate.get("status").asText());
    assertEquals("max(interconnect[test=all-reduce].fractionOfLink) is 46.67%, expected >= 60%", rate.get("message").asText());
  }

  @Test
  void aWrongSumFails() throws Exception {
    Report node = InterconnectViewTest.node();
    List<Interconnect> entries = new ArrayList<>(node.interconnect());
    Interconnect e = entries.get(0);
    entries.set(0, new Interconnect(e.runtime(), e.backend(), e.test(), e.ranks(), e.devices(), e.src(), e.dst(),
        e.bytes(), e.seconds(), e.iterations(), e.algGBps(), e.busGBps(), false, e.peerAccess(), e.linkType(),
        e.linkGBps(), e.fractionOfLink(), e.ncclVersion(), Map.of(), e.algorithm(), "wrong sum"));
    assertEquals("fail", check(node.withInterconnect(entries, node.topology()), "interconnect-sums-correct")
        .get("status").asText());
  }

  @Test
  void withoutAnInterconnectRunBothAreSkipped() throws Exception {
    Report none = InterconnectViewTest.node().withInterconnect(List.of(), null);
    assertEquals("skip", check(none, "interconnect-sums-correct").get("status").asText());
    assertEquals("skip", check(none, "interconnect-at-link-rate").get("status").asText());
  }
}
