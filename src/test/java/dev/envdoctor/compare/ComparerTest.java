package dev.envdoctor.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.compare.Difference.Group;
import dev.envdoctor.compare.Difference.Severity;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.model.Tool;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparerTest {

  static final Path DIR = Path.of("src/test/resources/compare");

  static Report read(String name) throws IOException {
    return ReportJson.read(DIR.resolve(name));
  }

  @Test
  void aSmallerDockerVmIsNamedAsTheCauseAndTheFailingCheckComesFirst() throws Exception {
    Report base = read("constructed-base-mac.json");
    Report other = read("constructed-other-mac-small-vm.json");
    Comparison c = Comparer.compare(base, other, "BASE", "OTHER");
    CompareDecision d = CompareVerdict.decide(base, other);
    assertEquals(CompareDecision.Kind.OTHER_SLOWER, d.kind());
    assertEquals(List.of("docker", Backend.DJL, "cpu", "cnn"), List.of(d.headline().runtime(), d.headline().backend(),
        d.headline().device(), d.headline().workload()));
    assertEquals(new CompareDecision.Cause.ContainerCpus("docker", true, 2, 8), d.cause());
    assertEquals("OTHER trains 2.4× slower on the same workload (docker/djl/cpu, cnn): its Docker VM has 2 CPUs (BASE: 8)",
        c.verdict());
    assertTrue(c.failing());
    Difference first = c.differences().get(0);
    assertEquals(Group.CHECKS, first.group());
    assertEquals(Severity.FAIL, first.severity());
    assertEquals("docker.cpus (Docker VM has enough CPUs)", first.what());
    assertEquals(List.of("pass", "fail"), List.of(first.base(), first.other()));
    assertTrue(has(c, Group.VERSIONS, "torch", "2.3.1", "2.2.2"));
    assertTrue(has(c, Group.RESOURCES, "docker CPUs", "8", "2"));
    assertTrue(has(c, Group.RESOURCES, "docker memory", "8.0 GiB", "2.0 GiB"));
    StepTimeRatio docker = ratio(c, "docker", "cpu");
    assertTrue(docker.measurable() && docker.low() > 2 && docker.high() < 2.8, docker.toString());
    assertFalse(ratio(c, "native", "mps").measurable(), "the native GPU did not change");
  }

  @Test
  void groupsComeInTheOrderThatMatters() throws Exception {
    Report base = read("constructed-base-linux.json");
    Report other = read("constructed-other-linux-no-toolkit.json");
    Comparison c = Comparer.compare(base, other, "BASE", "OTHER");
    List<Group> order = c.differences().stream().map(Difference::group).toList();
    assertEquals(order.stream().sorted().toList(), order);
    assertTrue(c.failing());
    assertTrue(c.differences().stream().anyMatch(d -> d.group() == Group.ACCELERATORS && d.severity() == Severity.FAIL
        && d.what().equals("docker/python/cuda:0 computes")), c.differences().toString());
    // the note (install the NVIDIA Container Toolkit) and the verdict line: golden/compare
    CompareDecision d = CompareVerdict.decide(base, other);
    assertEquals(CompareDecision.Kind.NO_MEASURABLE_DIFFERENCE, d.kind());
    assertEquals(3, d.workloads());
    assertEquals(List.of("docker/python/cuda:0 · cnn"), d.missing());
  }

  @Test
  void aSideOneReportNeverTriedIsShownAsNeverTriedNotAsAChange() throws Exception {
    Report full = read("constructed-base-linux.json");
    Report nativeOnly = full.withDevices(full.devices().stream().filter(d -> "native".equals(d.runtime())).toList());
    Comparison gainedAll = Comparer.compare(nativeOnly, full, "BASE", "OTHER");
    CompareGoldenTest.assertView("never-tried-gained.txt", gainedAll);
    Difference gained = gainedAll.differences().stream()
        .filter(d -> d.what().startsWith("docker/")).findFirst().orElseThrow();
    assertEquals(Severity.INFO, gained.severity());
    assertEquals("verified on OTHER, never tried on BASE", gained.change());
    Comparison lost = Comparer.compare(full, nativeOnly, "BASE", "OTHER");
    CompareGoldenTest.assertView("never-tried-lost.txt", lost);
    Difference d = lost.differences().stream().filter(x -> x.what().startsWith("docker/")).findFirst().orElseThrow();
    assertEquals("verified on BASE, never tried on OTHER", d.change());
    assertEquals(Severity.INFO, d.severity(), "a side OTHER did not try is no failure of OTHER's machine");
    // its note says how to try it (envdoctor verify --runtime docker): golden/compare/never-tried-lost.txt
  }

  @Test
  void aReportComparedWithItselfHasNoDifference() throws Exception {
    Report r = read("constructed-base-mac.json");
    Comparison c = Comparer.compare(r, r, "A", "A");
    assertFalse(c.failing());
    assertTrue(c.differences().stream().allMatch(d -> d.group() == Group.CALIBRATION && d.severity() == Severity.INFO),
        c.differences().toString());
    assertEquals("No measurable difference in training speed on the 4 workloads both machines ran", c.verdict());
    c.ratios().forEach(x -> assertEquals(1.0, x.ratio(), 1e-12));
  }

  @Test
  void aCheckFailingOnBothIsWorthALookButNotANewFailure() throws Exception {
    Report r = read("constructed-other-mac-small-vm.json");
    Comparison c = Comparer.compare(r, r, "A", "A");
    assertFalse(c.failing());
    Difference d = c.differences().get(0);
    assertEquals(List.of(Group.CHECKS, Severity.WARN), List.of(d.group(), d.severity()));
    // the note, "fails on both: ..." with the fix: golden/compare/constructed-other-mac-small-vm--constructed-other-mac-small-vm.txt
  }

  @Test
  void emptyReportsCompareWithoutFailing() throws Exception {
    Report empty = Report.empty(new Tool("envdoctor", "0.1.0"), "2026-11-25T00:00:00Z");
    Comparison c = Comparer.compare(empty, read("constructed-base-mac.json"), "BASE", "OTHER");
    assertFalse(c.failing(), "OTHER only gained: " + c.differences());
    assertEquals("No workload was calibrated on both machines: no training speed to compare", c.verdict());
    CompareGoldenTest.assertView("empty--constructed-base-mac.txt", c);
    Comparison back = Comparer.compare(read("constructed-base-mac.json"), empty, "BASE", "OTHER");
    CompareGoldenTest.assertView("constructed-base-mac--empty.txt", back);
    assertTrue(back.failing(), "OTHER lost every verified device");
  }

  @Test
  void withoutAResourceDifferenceTheVerdictSaysNothingExplainsIt() throws Exception {
    Report base = read("constructed-base-mac.json");
    Report other = read("constructed-other-mac-small-vm.json").withRuntimes(base.runtimes());
    Comparison c = Comparer.compare(base, other, "BASE", "OTHER");
    assertEquals("OTHER trains 2.4× slower on the same workload (docker/djl/cpu, cnn): no difference in the facts explains it; "
        + "see the rows below", c.verdict());
  }

  @Test
  void theIntervalIsFixedForTheSameInput() throws Exception {
    Comparison a = Comparer.compare(read("constructed-base-mac.json"), read("constructed-other-mac-small-vm.json"), "B", "O");
    Comparison b = Comparer.compare(read("constructed-base-mac.json"), read("constructed-other-mac-small-vm.json"), "B", "O");
    assertEquals(a.ratios(), b.ratios());
  }

  @Test
  void fewStepsGiveARatioWithoutAnInterval() {
    StepTimeRatio r = StepTimeRatio.of("native", Backend.DJL, "cpu", "mlp", List.of(), 10.0, List.of(20.0), null);
    assertEquals(2.0, r.ratio(), 1e-12);
    assertEquals(null, r.low());
    assertFalse(r.measurable());
    StepTimeRatio same = StepTimeRatio.of("native", Backend.DJL, "cpu", "mlp", List.of(10.0, 11.0, 9.0, 10.5), null,
        List.of(10.0, 11.0, 9.0, 10.5), null);
    assertNotNull(same.low());
    assertTrue(same.low() <= 1 && same.high() >= 1, same.toString());
  }

  private static boolean has(Comparison c, Group g, String what, String base, String other) {
    return c.differences().stream().anyMatch(d -> d.group() == g && d.what().equals(what) && d.base().equals(base)
        && d.other().equals(other));
  }

  private static StepTimeRatio ratio(Comparison c, String runtime, String device) {
    return c.ratios().stream().filter(r -> r.runtime().equals(runtime) && r.device().equals(device)).findFirst().orElseThrow();
  }
}
