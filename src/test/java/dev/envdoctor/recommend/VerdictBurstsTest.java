package dev.envdoctor.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Burst;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.Confidence;
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The verdict on recorded interleaved-burst reports of the development VM (recorded/bursts/SOURCES.md). */
class VerdictBurstsTest {

  static final Path DIR = Path.of("src/test/resources/recorded/bursts");

  static Stream<String> recordings() throws Exception {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
    }
  }

  static Report load(String name) throws Exception {
    return ReportJson.read(DIR.resolve(name));
  }

  private static Calibration cnn(Report r, String runtime) {
    return r.calibrations().stream().filter(c -> runtime.equals(c.runtime()) && c.backend() == Backend.DJL
        && "cnn".equals(c.workload())).findFirst().orElseThrow();
  }

  /**
   * The decision worked out here from the bursts, independently of PairedRatio: native's speed over
   * docker's per round after round 0 (from the bursts' mean step times), a t-interval of their logs (t quantiles from the tables).
   */
  private static Confidence independentDecision(Report r) {
    Map<Integer, Burst> nb = new TreeMap<>();
    Map<Integer, Burst> db = new TreeMap<>();
    cnn(r, "native").bursts().forEach(b -> nb.put(b.round(), b));
    cnn(r, "docker").bursts().forEach(b -> db.put(b.round(), b));
    // each pair by its bursts' medians, or by both means where a quota throttled either burst
    // (recordings from before the mean have only the median)
    Map<Integer, Double> n = new TreeMap<>();
    Map<Integer, Double> d = new TreeMap<>();
    nb.forEach((round, b) -> {
      Burst o = db.get(round);
      if (o == null) {
        return;
      }
      boolean throttled = (b.nrThrottled() != null && b.nrThrottled() > 0) || (o.nrThrottled() != null && o.nrThrottled() > 0);
      n.put(round, throttled && b.meanMs() != null ? b.meanMs() : b.medianMs() != null ? b.medianMs() : b.meanMs());
      d.put(round, throttled && o.meanMs() != null ? o.meanMs() : o.medianMs() != null ? o.medianMs() : o.meanMs());
    });
    // rounds where neither burst saw others take a quarter CPU, when there are three; else all
    List<Integer> all = n.keySet().stream().filter(k -> k > 0 && d.containsKey(k)).toList();
    List<Integer> quiet = all.stream().filter(k -> quiet(nb.get(k)) && quiet(db.get(k))).toList();
    List<Double> logs = new ArrayList<>();
    List<Integer> used = quiet.size() >= 3 ? quiet : all;
    for (int round : used) {
      logs.add(Math.log(d.get(round) / n.get(round)));
    }
    boolean contended = used.stream().anyMatch(k -> !quiet(nb.get(k)) || !quiet(db.get(k)));
    if (logs.size() < 2) {
      return Confidence.NONE;
    }
    double[] t = {0, 0, 12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281, 2.2010,
        2.1788, 2.1604, 2.1448};
    double mean = logs.stream().mapToDouble(x -> x).average().orElseThrow();
    double sd = Math.sqrt(logs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (logs.size() - 1));
    // one-sided 95% quantiles (the two-sided 90% interval of the parity test)
    double[] t90 = {0, 0, 6.3138, 2.9200, 2.3534, 2.1318, 2.0150, 1.9432, 1.8946, 1.8595, 1.8331, 1.8125, 1.7959,
        1.7823, 1.7709, 1.7613};
    double half = t[logs.size()] * sd / Math.sqrt(logs.size());
    double low = Math.exp(mean - half);
    double high = Math.exp(mean + half);
    double half90 = t90[logs.size()] * sd / Math.sqrt(logs.size());
    if (contended) {
      return Confidence.NOISY; // pairs timed under contention decide nothing
    }
    // the band 1/1.1 to 1.1
    if (Math.exp(mean - half90) >= 1 / 1.1 && Math.exp(mean + half90) <= 1.1) {
      return Confidence.PARITY;
    }
    return low > 1.1 || high < 1 / 1.1 ? Confidence.CLEAR : Confidence.NOISY;
  }

  /** The differences the causes cite. */
  private static List<Cause.Gap> gaps(VerdictDecision d) {
    List<Cause.Gap> gaps = new ArrayList<>();
    d.causes(Cause.GpuPath.class).forEach(c -> gaps.add(c.gap()));
    d.causes(Cause.SharedKernel.class).forEach(c -> gaps.add(c.gap()));
    d.causes(Cause.OtherDevices.class).forEach(c -> gaps.add(c.gap()));
    return gaps;
  }

  private static boolean quiet(Burst b) {
    return b.othersCpus() == null || b.othersCpus() < 0.25;
  }

  @ParameterizedTest
  @MethodSource("recordings")
  void theVerdictFollowsThePairedIntervalAgainstTheBand(String name) throws Exception {
    Report r = load(name);
    Recommendation rec = Verdict.decide(r, Workloads.DEFAULT);
    Confidence expected = independentDecision(r);
    if (expected == Confidence.NONE) {
      assertEquals("step-times", rec.measurement().method(), name + ": one round only: the earlier reading");
      return;
    }
    assertEquals("paired-bursts", rec.measurement().method(), name);
    assertEquals(expected, rec.confidence(), name + ": " + rec.verdict());
    if (expected.equals(Confidence.NOISY)) {
      VerdictDecision d = Verdict.decision(r);
      assertTrue(d.kind().unsure() && rec.measurement().noisyBecause() != null, d.kind().toString());
      // the causes do not contradict the verdict: every difference they cite is "not told apart"
      assertEquals(List.of(), gaps(d).stream().filter(g -> g.kind() != Cause.Gap.Kind.UNDECIDED).toList(), d.causes().toString());
    }
  }

  @ParameterizedTest
  @MethodSource("recordings")
  void aContendedRecordingNamesTheProcessesAndHoldsBackTheProjection(String name) throws Exception {
    Report r = load(name);
    Recommendation rec = Verdict.decide(r, Workloads.DEFAULT);
    double others = Stream.of(cnn(r, "native"), cnn(r, "docker")).map(Calibration::contention)
        .mapToDouble(c -> c.othersCpus()).max().orElseThrow();
    assertEquals(others >= 0.25, Boolean.TRUE.equals(rec.measurement().contended()), name);
    if (others >= 0.25) {
      List<Cause.Contended> busy = Verdict.decision(r).causes(Cause.Contended.class);
      assertEquals(1, busy.size(), name);
      assertEquals(others, busy.get(0).worst().othersCpus(), 1e-12, "the busier side's contention is the cause");
      assertTrue(rec.assumptions().get(0).endsWith(VerdictView.BUSY_END), rec.assumptions().toString());
    }
  }

  @Test
  void theHalfCpuQuotaIsNamedWithItsThrottling() throws Exception {
    Cause.CpuAllowances c = Verdict.decision(load("docker-native-cgroup-half-contended.json"))
        .causes(Cause.CpuAllowances.class).get(0);
    assertEquals(0.5, c.nativeAllowance().effectiveCpus());
    assertEquals("cgroup quota", c.nativeAllowance().limitedBy());
    assertEquals(3, c.nativeDuring().nrThrottled(), "the throttling during the calibration, not since boot");
    assertEquals(2.0, c.boxAllowance().effectiveCpus());
    assertEquals("docker", c.runtime());
  }

  @Test
  void aRealHalfCpuQuotaNativelyMakesDockerTheClearWinner() throws Exception {
    Recommendation rec = Verdict.decide(load("docker-native-cgroup-half-quiet.json"), Workloads.DEFAULT);
    assertEquals(Confidence.CLEAR, rec.confidence(), rec.verdict());
    assertEquals("docker", rec.train().runtime());
    assertTrue(rec.speedupCi95().get(0) > 1.1, rec.verdict());
    Cause.CpuAllowances c = Verdict.decision(load("docker-native-cgroup-half-quiet.json")).causes(Cause.CpuAllowances.class).get(0);
    assertEquals(0.5, c.nativeAllowance().effectiveCpus());
    assertTrue(c.nativeDuring().nrThrottled() > 0, c.toString());
    assertEquals(1, rec.measurement().pairsLeftOut(), "its one contended round");
  }

  @Test
  void aCpuHogDuringDoctorIsNamedAndTheProjectionHeldBack() throws Exception {
    Report r = load("docker-native-hog.json");
    Recommendation rec = Verdict.decide(r, Workloads.DEFAULT);
    assertEquals(List.of("java (0.6 CPU)", "envdoctor-hog (0.6 CPU)"),
        Verdict.decision(r).causes(Cause.Contended.class).get(0).worst().topOthers());
    assertTrue(rec.measurement().contended());
  }

  @Test
  void burstsAreLeftOutOfTheJsonWhereThereAreNone() {
    Calibration c = RecordedReports.load(RecordedReports.LINUX_CPU_ONLY).calibrations().get(0);
    assertEquals(List.<Burst>of(), c.bursts());
    assertFalse(ReportJson.mapper().valueToTree(c).has("bursts"), "an older report's shape is kept");
  }
}
