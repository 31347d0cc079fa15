package dev.envdoctor.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.ReportJson;
import dev.envdoctor.testing.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fleet report and baseline through the real command line on the dev VM's real node reports; bad input is one line and exit 2. */
class FleetCommandsTest {

  @TempDir
  Path tmp;

  private Path fleetDir() throws Exception {
    Path nodes = Files.createDirectories(tmp.resolve("D/nodes"));
    for (String n : new String[] {"a", "b"}) {
      Files.copy(Path.of("src/test/resources/recorded/fleet/devvm-" + n + ".json"), nodes.resolve(n + ".json"));
    }
    return tmp.resolve("D");
  }

  @Test
  void aFolderOfNodeReportsIsAFleetOfTwoOkNodes() throws Exception {
    var r = new CliHarness().run("fleet", "report", fleetDir().toString(), "--json");
    assertEquals(0, r.exitCode(), r.err());
    var tree = ReportJson.mapper().readTree(r.out());
    assertEquals("envdoctor/fleet/v1", tree.get("schema").asText());
    assertEquals(2, tree.at("/summary/ok").asInt());
    assertEquals("a", tree.at("/nodes/0/name").asText());
  }

  @Test
  void theRealSrunOutputIsAFleetToo() {
    var r = new CliHarness().run("fleet", "report", "src/test/resources/recorded/slurm/srun-fleet-node.out", "--format", "junit");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("<testcase classname=\"envdoctor.fleet\" name=\"b\""), r.out());
  }

  @Test
  void aBaselineIsWrittenAndReadBack() throws Exception {
    Path base = tmp.resolve("base.json");
    var w = new CliHarness().run("fleet", "baseline", fleetDir().toString(), "--out", base.toString());
    assertEquals(0, w.exitCode(), w.err());
    assertEquals("envdoctor/fleet-baseline/v1", ReportJson.mapper().readTree(Files.readString(base)).get("schema").asText());
    var r = new CliHarness().run("fleet", "report", tmp.resolve("D").toString(), "--baseline", base.toString(), "--json");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("baseline", ReportJson.mapper().readTree(r.out()).at("/classes/0/reference").asText());
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    Path notJson = Files.writeString(tmp.resolve("x.json"), "{ nope");
    for (String[] args : new String[][] {
        {"fleet", "report", tmp.resolve("missing").toString()},
        {"fleet", "report", notJson.toString()},
        {"fleet", "report", fleetDir().toString(), "--format", "pdf"},
        {"fleet", "report", tmp.resolve("D").toString(), "--baseline", notJson.toString()},
        {"fleet", "run", "--scheduler", "pbs"}}) {
      var r = new CliHarness().run(args);
      assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().startsWith("envdoctor: "), r.err());
    }
  }
}
