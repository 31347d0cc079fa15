package dev.envdoctor.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Host;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.Tool;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetAnalysisTest {

  private static final String H100_CNN = "NVIDIA H100 80GB HBM3 · cnn · native/python";

  static FleetReport analyse(List<NodeInput> nodes, Baseline b) {
    return FleetAnalysis.analyse(nodes, b, b == null ? null : "base.json", "test", new Tool("envdoctor", "t"), "2026-12-01T00:00:00Z");
  }

  /** Eight nodes that are each the H100 machine's real report; constructed: node "slow" has its GPU figures scaled. */
  static List<NodeInput> h100Fleet(double slowFactor) {
    List<NodeInput> nodes = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      nodes.add(NodeInput.reported("gpu0" + i, FleetFixtures.h100()));
    }
    nodes.add(NodeInput.reported("slow", FleetFixtures.scaled(FleetFixtures.h100(), "cuda:0", slowFactor)));
    return nodes;
  }

  private static FigureClass cls(FleetReport r, String key) {
    return r.classes().stream().filter(c -> c.classKey().equals(key)).findFirst().orElseThrow(() -> new AssertionError(key + " in " + r.classes()));
  }

  @Test
  void theDevVmsRealTwoNodeFleetIsOkAndTooSmallToJudgeOutliers() {
    FleetReport r = analyse(List.of(NodeInput.reported("a", FleetFixtures.devVm("a")), NodeInput.reported("b", FleetFixtures.devVm("b"))), null);
    assertEquals(List.of(NodeStatus.OK, NodeStatus.OK), r.nodes().stream().map(FleetNode::status).toList());
    assertEquals(List.of(), r.drift(), "both nodes are the same host");
    assertEquals(1, r.classes().size());
    assertNull(r.classes().get(0).threshold(), "two nodes: neither can be told to be the slow one");
    assertEquals("0.36.0", r.nodes().get(0).versions().get("djl"));
    assertEquals(0, FleetOutcome.exitCode(r, false));
    assertEquals("train native (djl, cpu) · one-side", r.nodes().get(0).verdict());
  }

  @Test
  void aGpuFortyPercentSlowIsAnOutlierInItsClassOnly() {
    FleetReport r = analyse(h100Fleet(0.6), null);
    FigureClass gpu = cls(r, H100_CNN);
    assertEquals(List.of("slow"), gpu.outliers());
    assertEquals(8, gpu.nodes());
    assertEquals(List.of(), cls(r, "Intel(R) Xeon(R) Processor · cnn · native/python").outliers(), "its CPU is as fast as the others'");
    FleetNode slow = r.nodes().get(7);
    assertEquals(NodeStatus.FAIL, slow.status());
    FigureClass.Point point = gpu.points().get(7);
    List<Finding> found = FleetAnalysis.findings("slow", r.drift(), r.classes());
    assertEquals(List.of(new Finding.Slow(gpu, point)),
        found.stream().filter(f -> f instanceof Finding.Slow x && x.cls().equals(gpu)).toList());
    assertTrue(found.stream().allMatch(f -> f instanceof Finding.Slow x && x.cls().deviceModel().startsWith("NVIDIA")),
        "its GPU's classes only (cnn and mlp), none of its CPU's: " + found);
    assertEquals(0.4, point.shortfall(), 1e-9);
    assertEquals(NodeStatus.OK, r.nodes().get(0).status());
    assertEquals(new FleetOutcome(FleetOutcome.Kind.NODE_FAILED, List.of(slow)), FleetOutcome.of(r, false));
    assertEquals(1, FleetOutcome.exitCode(r, false));
  }

  @Test
  void aShortfallWithinTheNodesOwnNoiseOrTheDriftFloorIsNotFlagged() {
    // the H100's cnn step-time CV is 8.4%: a node must be more than 3 x 8.4% = 25% slow to be flagged
    assertEquals(List.of(), cls(analyse(h100Fleet(0.80), null), H100_CNN).outliers(), "20% slow: within its own noise");
    assertEquals(List.of(), cls(analyse(h100Fleet(0.93), null), H100_CNN).outliers(), "7%: below the 10% floor");
    assertEquals(List.of("slow"), cls(analyse(h100Fleet(0.70), null), H100_CNN).outliers(), "30%: beyond both");
  }

  @Test
  void aNodesFigureIsItsWorstDevice() {
    // constructed: the H100 report with a second, identical GPU whose calibrations run at half speed
    Report one = FleetFixtures.h100();
    List<Calibration> more = new ArrayList<>(one.calibrations());
    List<DeviceResult> devices = new ArrayList<>(one.devices());
    for (Calibration c : one.calibrations()) {
      if ("cuda:0".equals(c.device())) {
        more.add(new Calibration(c.runtime(), c.backend(), "cuda:1", c.workload(), c.batch(), c.imgsz(), c.warmupSteps(),
            c.steps(), c.medianMs() * 2, c.p10Ms(), c.p90Ms(), c.cv(), c.samplesPerSecond() / 2, c.achievedGflops(),
            c.flopsPerStep(), c.threads(), c.wallMs(), c.stepTimesMs(), null));
      }
    }
    Host h = one.host();
    List<dev.envdoctor.model.GpuInfo> gpus = List.of(h.gpus().get(0), h.gpus().get(0));
    Report two = one.withCalibrations(more).withDevices(devices)
        .withHost(new Host(h.os(), h.cpu(), h.memory(), h.disks(), gpus, h.power(), h.virtualization()));
    Figure f = NodeFacts.figures(two).stream().filter(x -> x.classKey().equals(H100_CNN)).findFirst().orElseThrow();
    assertEquals("cuda:1", f.device());
    double cuda0 = one.calibrations().stream().filter(c -> "cuda:0".equals(c.device()) && "cnn".equals(c.workload()))
        .findFirst().orElseThrow().samplesPerSecond();
    assertEquals(cuda0 / 2, f.samplesPerSecond(), 1e-9);
  }

  @Test
  void aDriverThatDiffersFromTheMajorityWarns() {
    List<NodeInput> nodes = new ArrayList<>(h100Fleet(1.0));
    nodes.set(2, NodeInput.reported("gpu03", FleetFixtures.driver(FleetFixtures.h100(), "535.104.05")));
    FleetReport r = analyse(nodes, null);
    assertEquals(1, r.drift().size());
    Drift d = r.drift().get(0);
    assertEquals("driver", d.key());
    assertEquals("gpu03", d.node());
    assertEquals("580.159.04", d.expected());
    assertEquals("majority", d.against());
    assertEquals(NodeStatus.WARN, r.nodes().get(2).status());
    assertEquals(0, FleetOutcome.exitCode(r, false));
    assertEquals(1, FleetOutcome.exitCode(r, true), "--strict: a warning fails");
  }

  @Test
  void anEvenSplitHasNoMajorityAndEveryNodeIsShown() {
    // the real H100 and H200 reports; constructed: the H200's driver changed, so two nodes split one to one
    FleetReport r = analyse(List.of(NodeInput.reported("h100", FleetFixtures.h100()),
        NodeInput.reported("h200", FleetFixtures.driver(FleetFixtures.h200(), "570.86.15"))), null);
    List<Drift> driver = r.drift().stream().filter(d -> d.key().equals("driver")).toList();
    assertEquals(2, driver.size(), r.drift().toString());
    assertNull(driver.get(0).expected());
    assertEquals(List.of(new Finding.Drifted(driver.get(0))), FleetAnalysis.findings("h100", driver, List.of()));
    assertEquals("580.159.04", driver.get(0).value());
    assertEquals(2, r.classes().stream().filter(c -> c.deviceModel().startsWith("NVIDIA") && c.workload().equals("cnn")).count(),
        "H100 and H200 are separate classes");
  }

  @Test
  void nodesWithoutAReportKeepTheirStatusAndFailTheFleet() {
    FleetReport r = analyse(List.of(NodeInput.reported("a", FleetFixtures.devVm("a")),
        NodeInput.missing("b", NodeStatus.DOWN, List.of("slurm state down: maintenance"))), null);
    assertEquals(NodeStatus.DOWN, r.nodes().get(1).status());
    assertEquals(List.of("slurm state down: maintenance"), r.nodes().get(1).reasons());
    assertEquals(1, r.summary().down());
    assertEquals(1, FleetOutcome.exitCode(r, false));
    assertEquals(FleetOutcome.Kind.NO_NODES, FleetOutcome.of(analyse(List.of(), null), false).kind());
    assertEquals(1, FleetOutcome.exitCode(analyse(List.of(), null), false), "no node at all is no good fleet");
  }

  @Test
  void aBaselineJudgesASmallFleetAndPinsItsVersions() {
    Baseline base = Baselines.of(analyse(h100Fleet(1.0), null), "2026-12-01T00:00:00Z");
    assertEquals("580.159.04", base.versions().get("driver"));
    assertNotNull(base.classes().stream().filter(c -> c.classKey().equals(H100_CNN)).findFirst().orElseThrow().median());
    // constructed: two nodes, one 40% slow and on another driver; alone they could not be judged
    List<NodeInput> two = List.of(NodeInput.reported("n1", FleetFixtures.h100()),
        NodeInput.reported("n2", FleetFixtures.driver(FleetFixtures.scaled(FleetFixtures.h100(), "cuda:0", 0.6), "590.1")));
    FleetReport r = analyse(two, base);
    assertEquals("baseline", cls(r, H100_CNN).reference());
    assertEquals(List.of("n2"), cls(r, H100_CNN).outliers());
    assertEquals(List.of("baseline"), r.drift().stream().map(Drift::against).distinct().toList());
    assertEquals(NodeStatus.FAIL, r.nodes().get(1).status());
    assertEquals(NodeStatus.OK, r.nodes().get(0).status());
  }
}
