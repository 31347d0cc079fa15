package dev.envdoctor.fleet;

import static dev.envdoctor.fleet.FleetAnalysisTest.analyse;
import static dev.envdoctor.fleet.FleetAnalysisTest.h100Fleet;

import dev.envdoctor.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fleet's outcome for the fleets of FleetAnalysisTest (built with its helpers): each node's status and reasons, and the
 * exit code with and without --strict (golden/fleet/outcomes.txt). Regenerate with -Dgolden.update=true ({@link Golden}).
 */
class FleetGoldenTest {

  private static String block(String name, FleetReport r) {
    StringBuilder b = new StringBuilder("# ").append(name).append('\n');
    b.append("exit ").append(FleetOutcome.exitCode(r, false)).append(", strict ").append(FleetOutcome.exitCode(r, true)).append('\n');
    for (FleetNode n : r.nodes()) {
      b.append(n.name()).append(' ').append(n.status()).append(' ').append(n.verdict()).append('\n');
      n.reasons().forEach(x -> b.append("  ").append(x).append('\n'));
    }
    return b.toString();
  }

  @Test
  void theOutcomesReadAsBefore() {
    List<NodeInput> driver = new ArrayList<>(h100Fleet(1.0));
    driver.set(2, NodeInput.reported("gpu03", FleetFixtures.driver(FleetFixtures.h100(), "535.104.05")));
    Baseline base = Baselines.of(analyse(h100Fleet(1.0), null), "2026-12-01T00:00:00Z");
    String out = block("the dev VM's two nodes", analyse(List.of(NodeInput.reported("a", FleetFixtures.devVm("a")),
            NodeInput.reported("b", FleetFixtures.devVm("b"))), null))
        + block("a GPU 40% slow", analyse(h100Fleet(0.6), null))
        + block("a GPU 20% slow", analyse(h100Fleet(0.8), null))
        + block("a driver off the majority", analyse(driver, null))
        + block("an even split", analyse(List.of(NodeInput.reported("h100", FleetFixtures.h100()),
            NodeInput.reported("h200", FleetFixtures.driver(FleetFixtures.h200(), "570.86.15"))), null))
        + block("a node down", analyse(List.of(NodeInput.reported("a", FleetFixtures.devVm("a")),
            NodeInput.missing("b", NodeStatus.DOWN, List.of("slurm state down: maintenance"))), null))
        + block("no node", analyse(List.of(), null))
        + block("a baseline and one slow node", analyse(List.of(NodeInput.reported("slow",
            FleetFixtures.scaled(FleetFixtures.h100(), "cuda:0", 0.6))), base))
        + block("a baseline and an old driver", analyse(List.of(NodeInput.reported("gpu09",
            FleetFixtures.driver(FleetFixtures.h100(), "535.104.05"))), base));
    Golden.assertMatches("fleet/outcomes.txt", out);
  }
}
