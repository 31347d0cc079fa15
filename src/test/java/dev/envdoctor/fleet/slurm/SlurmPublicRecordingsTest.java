package dev.envdoctor.fleet.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.probe.Recorded;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** scontrol and srun output of other clusters, pasted in public repositories and issues (recorded/slurm/SOURCES.md). */
class SlurmPublicRecordingsTest {

  private static Map<String, Map<String, String>> nodes(String file) {
    return ScontrolNodes.parse(Recorded.text("slurm/" + file));
  }

  private static SrunMessages.Messages srun(String file) {
    return SrunMessages.parse(Recorded.text("slurm/" + file));
  }

  @Test
  void theDefaultMultiLineFormKeepsEveryNodesStateAndReason() {
    var four = nodes("scontrol-show-node-4nodes-cshuji.txt");
    assertEquals(List.of("cortex-01", "dumfries-002", "oxygen-04", "cricket"), List.copyOf(four.keySet()));
    assertEquals("ALLOCATED", four.get("cortex-01").get("State"));
    assertEquals("IDLE+DRAIN", four.get("oxygen-04").get("State"));
    assertEquals("memory issues?", ScontrolNodes.reason(four.get("oxygen-04")));
    assertEquals("Linux 4.14.61-aufs-1 #1 SMP Tue Aug 7 18:13:22 IDT 2018", four.get("oxygen-04").get("OS"));
    assertEquals("gpu:rtx2080:4", four.get("dumfries-002").get("Gres"));
    assertEquals("IDLE", four.get("cricket").get("State"));
    assertEquals("8", four.get("cricket").get("CPUTot"));
  }

  @Test
  void singleNodesOfThreeSlurmVersionsWithTheirDrainReasons() {
    var twcc = nodes("scontrol-show-node-twcc-gn0101.txt").get("gn0101.twcc.ai");
    assertEquals("IDLE+DRAIN", twcc.get("State"));
    assertEquals("node-switch", ScontrolNodes.reason(twcc));
    assertEquals("gpu:8", twcc.get("Gres"));
    var node001 = nodes("scontrol-show-node-node001-drain.txt").get("node001");
    assertEquals("Heavily broken", ScontrolNodes.reason(node001));
    assertEquals("IDLE+DRAIN", node001.get("State"));
    var cu201 = nodes("scontrol-show-node-cu201-low-realmemory.txt").get("cu201");
    assertEquals("Low RealMemory", ScontrolNodes.reason(cu201));
    assertEquals("(null)", cu201.get("Comment"), "the line after Reason is its own field");
    assertEquals("20.11.0", cu201.get("Version"));
  }

  @Test
  void aTaskRangeIsTiedToItsNode() {
    var m = srun("srun-tasks-range-picongpu.err");
    assertEquals(List.of("taurusi2031: tasks 10-11: Exited with exit code 1"), m.byNode().get("taurusi2031"));
    var failure = srun("srun-task-failure-desispec.err");
    assertEquals(List.of("nid002888"), List.copyOf(failure.byNode().keySet()));
    List<String> lines = failure.byNode().get("nid002888");
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(0).contains("CANCELLED AT 2026-04-29T23:36:37 DUE TO TASK FAILURE"), lines.get(0));
    assertEquals("nid002888: tasks 0-57,59-63: Terminated", lines.get(1));
    assertEquals(List.of("Force Terminated StepId=52222788.0"), failure.general());
  }

  @Test
  void labelPrefixedSlurmstepdLinesAreTiedToTheirNode() {
    var e3sm = srun("srun-label-time-limit-e3sm.err");
    assertEquals(List.of("nid01376"), List.copyOf(e3sm.byNode().keySet()));
    assertTrue(e3sm.byNode().get("nid01376").get(0).contains("DUE TO TIME LIMIT"));
    assertTrue(e3sm.general().contains("got SIGCONT"), e3sm.general().toString());
    var triqs = srun("srun-prefixed-task-exit-triqs.err");
    assertEquals(2, triqs.byNode().get("nid001394").size(), triqs.byNode().toString());
  }
}
