package dev.envdoctor.fleet.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.fleet.NodeStatus;
import dev.envdoctor.fleet.SchedulerNode;
import dev.envdoctor.probe.Recorded;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** sinfo, scontrol and srun output as Slurm 22.05 printed it on the development VM (recorded/slurm/SOURCES.md). */
class SlurmParsersTest {

  private static List<SchedulerNode> sinfo(String file) {
    return SinfoNodes.parse(Recorded.text("slurm/" + file)).stream().map(SinfoNodes.Node::node).toList();
  }

  @Test
  void idleNodesAreUsableWithTheirCpuCounts() {
    var nodes = SinfoNodes.parse(Recorded.text("slurm/sinfo-idle.txt"));
    assertEquals(List.of("a", "b"), nodes.stream().map(n -> n.node().name()).toList());
    assertTrue(nodes.stream().allMatch(n -> n.node().usable()));
    assertEquals(2, nodes.get(0).cpus());
    assertNull(nodes.get(0).node().reason(), "'none' is no reason");
  }

  @Test
  void downAndDrainedNodesCarryTheirStateAndReason() {
    var nodes = sinfo("sinfo-down-drain.txt");
    assertEquals(NodeStatus.DRAIN, nodes.get(0).unavailable());
    assertEquals("envdoctor test drain", nodes.get(0).reason());
    assertEquals("drained", nodes.get(0).state());
    assertEquals(NodeStatus.DOWN, nodes.get(1).unavailable());
    assertEquals("envdoctor test down", nodes.get(1).reason());
  }

  @Test
  void aNodeThatStoppedRespondingIsUnreachable() {
    var nodes = sinfo("sinfo-not-responding.txt");
    assertTrue(nodes.get(0).usable());
    assertEquals(NodeStatus.UNREACHABLE, nodes.get(1).unavailable());
    assertEquals("idle*", nodes.get(1).state());
  }

  @Test
  void statesSlurmDocumentsMapToWhatAFleetRunDoes() {
    assertNull(SinfoNodes.availability("mixed"));
    assertNull(SinfoNodes.availability("allocated"));
    assertEquals(NodeStatus.DRAIN, SinfoNodes.availability("draining"));
    assertEquals(NodeStatus.DOWN, SinfoNodes.availability("down*"), "down wins over not responding");
    assertEquals(NodeStatus.DOWN, SinfoNodes.availability("idle~"), "powered off");
    assertEquals(NodeStatus.DOWN, SinfoNodes.availability("fail"));
  }

  @Test
  void theDefaultPartitionIsTheOneMarked() {
    assertEquals("main", SinfoNodes.defaultPartition(Recorded.text("slurm/sinfo-partitions.txt")));
    assertNull(SinfoNodes.defaultPartition("gpu\ncpu\n"));
  }

  @Test
  void scontrolNodeLinesKeepValuesWithSpacesAndReasonsWithoutTheirStamp() {
    Map<String, Map<String, String>> idle = ScontrolNodes.parse(Recorded.text("slurm/scontrol-nodes-idle.txt"));
    assertEquals(List.of("a", "b"), List.copyOf(idle.keySet()));
    assertEquals("IDLE", idle.get("a").get("State"));
    assertTrue(idle.get("a").get("OS").startsWith("Linux 6."), idle.get("a").get("OS"));
    assertEquals("6832", idle.get("b").get("Port"));
    var drained = ScontrolNodes.parse(Recorded.text("slurm/scontrol-nodes-down-drain.txt"));
    assertEquals("IDLE+DRAIN", drained.get("a").get("State"));
    assertEquals("envdoctor test drain", ScontrolNodes.reason(drained.get("a")));
    assertEquals("IDLE+NOT_RESPONDING",
        ScontrolNodes.parse(Recorded.text("slurm/scontrol-nodes-not-responding.txt")).get("b").get("State"));
    assertEquals(List.of("gpu01", "gpu02"), ScontrolNodes.hostnames("gpu01\ngpu02\n"));
  }

  @Test
  void srunsOwnLinesAreSortedByTheNodeTheyName() {
    var exit = SrunMessages.parse(Recorded.text("slurm/srun-task-exit.err"));
    assertEquals(Map.of("b", List.of("b: task 1: Exited with exit code 3")), exit.byNode());
    var cancelled = SrunMessages.parse(Recorded.text("slurm/srun-cancelled.err"));
    assertEquals(List.of("b: task 1: Terminated"), cancelled.byNode().get("b"));
    assertEquals(List.of("Job step aborted: Waiting up to 7 seconds for job step to finish."), cancelled.general());
    var down = SrunMessages.parse(Recorded.text("slurm/srun-down-node.err"));
    assertEquals(Map.of(), down.byNode());
    assertTrue(down.general().contains("Required node not available (down, drained or reserved)"), down.general().toString());
    var fleet = SrunMessages.parse(Recorded.text("slurm/srun-fleet-node.err"));
    assertEquals(Map.of(), fleet.byNode(), "the tasks' own (labelled) progress lines are not srun's");
    assertEquals(List.of("bogus: task 0: x"), SrunMessages.parse("srun: error: *** STEP 12.0 ON bogus CANCELLED AT 2026 DUE TO TIME LIMIT ***\nsrun: error: bogus: task 0: x").byNode().get("bogus").subList(1, 2));
  }
}
