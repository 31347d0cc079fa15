package dev.envdoctor.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.calibrate.Turns.Turn;
import dev.envdoctor.calibrate.contention.CpuMeter;
import dev.envdoctor.calibrate.contention.ProcStat;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Burst;
import dev.envdoctor.model.Confidence;
import dev.envdoctor.model.Contention;
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.protocol.BurstLine;
import dev.envdoctor.protocol.SideNames;
import dev.envdoctor.recommend.Verdict;
import dev.envdoctor.recommend.Workloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor, with threads: sides wait in {@link Turns#next} and are woken by the others' events.
 * Every wait here is for something that must happen ({@code get(5, SECONDS)}); what must not happen
 * yet is {@link RoundSchedulerTest}'s to show. The schedule itself is the scheduler's; these hold
 * the waking, the deadline, the interrupt and what the turns measure (the bursts' records and the
 * projection turn's contention).
 */
class TurnsTest {

  private static final Duration LONG = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<String> turns = Collections.synchronizedList(new ArrayList<>());
  /** Sides holding a turn now, and how often a turn began while another was held. */
  private final AtomicInteger holding = new AtomicInteger();
  private final AtomicInteger overlaps = new AtomicInteger();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  private <T> CompletableFuture<T> async(java.util.function.Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, threads);
  }

  private void hold(String turn) {
    if (holding.incrementAndGet() != 1) {
      overlaps.incrementAndGet();
    }
    turns.add(turn);
  }

  /**
   * A simulated child: waits for its turn, then reports a burst of {@code stepMs.applyAsDouble(n)}
   * steps for its n-th turn (no step function: it reports nothing and ends after one turn, as an old
   * child); once its bursts end, with a {@code projection} it comes back for its projection's turn
   * and runs {@code projection} in it. The bursts it had.
   */
  private CompletableFuture<Integer> child(Turns gate, String side, IntToDoubleFunction stepMs, Runnable projection) {
    return async(() -> {
      Turn t = gate.next(side, null, LONG);
      int n = 0;
      while (t == Turn.GO) {
        hold(side);
        n++;
        BurstLine line = stepMs == null ? null : new BurstLine("cpu", "cnn",
            List.of(stepMs.applyAsDouble(n), stepMs.applyAsDouble(n) * 1.01, stepMs.applyAsDouble(n) * 0.99),
            10.0 * n, null, null, null, null);
        holding.decrementAndGet();
        if (stepMs == null) {
          gate.finish(side);
          return n;
        }
        t = gate.next(side, line, LONG);
      }
      if (projection != null) {
        assertEquals(Turn.END, t);
        assertEquals(Turn.GO, gate.next(side, null, LONG), "the projection's turn");
        hold(side + ":project");
        projection.run();
        holding.decrementAndGet();
      }
      gate.finish(side);
      return n;
    });
  }

  /** A gate of {@code plan} with {@code sides} registered and open. */
  private static Turns gate(BurstPlan plan, String... sides) {
    Turns gate = new Turns(plan, CpuMeter.NONE, 7);
    for (String s : sides) {
      gate.register(s);
    }
    gate.allRegistered();
    return gate;
  }

  @Test
  void theFirstSideGoesOnceTheOtherArrivesAndTheNextOnceItFinishes() throws Exception {
    Turns gate = gate(BurstPlan.NONE, "native/djl", "docker/djl");
    // docker arrives first, but native is registered first
    CompletableFuture<Turn> docker = async(() -> gate.next("docker/djl", null, LONG));
    assertEquals(Turn.GO, gate.next("native/djl", null, LONG), "native goes once docker is waiting");
    assertFalse(docker.isDone(), "docker cannot go while native holds the turn");
    gate.finish("native/djl");
    assertEquals(Turn.GO, docker.get(5, TimeUnit.SECONDS));
  }

  @Test
  void allRegisteredWakesASideThatWaits() throws Exception {
    Turns gate = new Turns();
    gate.register("native/djl");
    gate.register("docker/djl");
    CompletableFuture<Turn> early = async(() -> gate.next("native/djl", null, LONG));
    gate.finish("docker/djl");
    gate.allRegistered();
    assertEquals(Turn.GO, early.get(5, TimeUnit.SECONDS));
  }

  @Test
  void aSideThatDiedBeforeTheGateDoesNotHoldTheOthers() {
    Turns gate = gate(BurstPlan.NONE, "native/python", "podman/djl");
    gate.finish("native/python"); // its child crashed while importing torch
    assertEquals(Turn.GO, gate.next("podman/djl", null, LONG));
  }

  @Test
  void aFinishedSideGetsNoTurn() {
    Turns gate = new Turns();
    gate.register("docker/djl");
    gate.finish("docker/djl");
    assertNull(gate.next("docker/djl", null, LONG));
  }

  @Test
  void aSideFinishedWhileItWaitsIsWokenWithNoTurn() throws Exception {
    Turns gate = gate(BurstPlan.NONE, "native/djl", "docker/djl"); // native never arrives
    CompletableFuture<Turn> docker = async(() -> gate.next("docker/djl", null, LONG));
    gate.finish("docker/djl"); // killed by its time limit
    assertNull(docker.get(5, TimeUnit.SECONDS));
  }

  @Test
  void aStuckSideHoldsTheOthersOnlyUntilTheirDeadline() {
    Turns gate = gate(BurstPlan.NONE, "native/djl", "docker/djl"); // native never arrives, never finishes
    assertEquals(Turn.GO, gate.next("docker/djl", null, Duration.ofMillis(300)), "past the deadline it goes anyway");
  }

  @Test
  void pastItsDeadlineABurstingSideIsEnded() throws Exception {
    Turns gate = gate(new BurstPlan(0.01, 2, 4, 30), "native/djl", "docker/djl");
    CompletableFuture<Turn> docker = async(() -> gate.next("docker/djl", null, LONG));
    assertEquals(Turn.GO, gate.next("native/djl", null, LONG));
    // native's burst: docker's first turn follows, and docker never comes back
    BurstLine line = new BurstLine("cpu", "cnn", List.of(5.0, 5.0, 5.0), 10.0, null, null, null, null);
    assertEquals(Turn.END, gate.next("native/djl", line, Duration.ofMillis(300)));
    assertEquals(Turn.GO, docker.get(5, TimeUnit.SECONDS));
  }

  @Test
  void anInterruptedWaitEndsTheSide() throws Exception {
    Turns gate = gate(BurstPlan.NONE, "native/djl", "docker/djl"); // native never arrives
    CompletableFuture<Turn> docker = async(() -> {
      Thread.currentThread().interrupt();
      return gate.next("docker/djl", null, LONG);
    });
    assertEquals(Turn.END, docker.get(5, TimeUnit.SECONDS));
  }

  @Test
  void sidesAlternateInRoundsAndTheirBurstsAreRecorded() throws Exception {
    Turns gate = gate(new BurstPlan(0.01, 3, 20, 30), "native/djl", "docker/djl");
    CompletableFuture<Integer> a = child(gate, "native/djl", n -> 5.0, null);
    CompletableFuture<Integer> b = child(gate, "docker/djl", n -> 5.0, null);
    // identical sides: parity after the minimum of 3 rounds, well before the 20
    assertEquals(1 + 3, a.get(5, TimeUnit.SECONDS), turns.toString());
    assertEquals(1 + 3, b.get(5, TimeUnit.SECONDS));
    assertEquals(List.of("native/djl", "docker/djl"), turns.subList(0, 2), "round 0 in registration order");
    for (int i = 2; i < turns.size(); i += 2) {
      assertFalse(turns.get(i).equals(turns.get(i + 1)), "each round holds both sides: " + turns);
    }
    assertEquals(0, overlaps.get(), "one turn at a time: " + turns);
    BurstRecords rec = gate.records();
    List<Burst> bursts = rec.sides().get("docker/djl").bursts();
    assertEquals(List.of(0, 1, 2, 3), bursts.stream().map(Burst::round).toList());
    assertEquals(5.0, bursts.get(1).medianMs(), 1e-9);
    assertEquals(10.0, bursts.get(1).cpuMs(), 1e-9, "the cumulative CPU counters' difference");
    assertTrue(bursts.get(1).wallMs() > 0, "timed by the gate's samples");
  }

  @Test
  void aSideThatDoesNotBurstFinishesAndTheOthersStillTakeTurns() throws Exception {
    Turns gate = gate(new BurstPlan(0.01, 2, 4, 30), "native/djl", "native/python", "docker/djl");
    CompletableFuture<Integer> old = child(gate, "native/python", null, null);
    CompletableFuture<Integer> a = child(gate, "native/djl", n -> 5.0, null);
    CompletableFuture<Integer> b = child(gate, "docker/djl", n -> 5.0, null);
    assertEquals(1, old.get(5, TimeUnit.SECONDS));
    int na = a.get(5, TimeUnit.SECONDS);
    assertTrue(na >= 3 && na == b.get(5, TimeUnit.SECONDS), na + " " + b.get());
    assertEquals(2, gate.records().sides().size(), "only the bursting sides have records");
  }

  @Test
  void eachProjectionGetsItsOwnTurnAfterTheBursts() throws Exception {
    Turns gate = gate(new BurstPlan(0.01, 3, 6, 30), "native/djl", "native/python", "docker/djl");
    var a = child(gate, "native/djl", n -> 5.0, () -> { });
    var b = child(gate, "native/python", n -> 5.0, () -> { });
    var c = child(gate, "docker/djl", n -> 5.0, () -> { });
    CompletableFuture.allOf(a, b, c).get(5, TimeUnit.SECONDS);
    assertEquals(0, overlaps.get(), "no projection overlaps a burst or another projection: " + turns);
    int first = turns.indexOf(turns.stream().filter(e -> e.endsWith(":project")).findFirst().orElseThrow());
    assertTrue(turns.subList(first, turns.size()).stream().allMatch(e -> e.endsWith(":project")),
        "every burst comes before any projection: " + turns);
    assertEquals(3, turns.size() - first);
  }

  @Test
  void sideNamesAreRuntimeAndBackend() {
    assertEquals("native/python", SideNames.side("native", "python"));
  }

  /** The CPUs the busy loops took during the turn, by their own /proc counters (the independent account). */
  private volatile double loopsCpus;

  private final List<ProcessHandle> loops = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Stops the loops (after the turn has ended: a process that ended within the turn is not in its last snapshot). */
  private void stopLoops() {
    for (ProcessHandle t : loops) {
      t.children().forEach(ProcessHandle::destroyForcibly);
      t.destroy();
      t.onExit().join();
    }
  }

  /**
   * Two busy loops in processes envdoctor did not start (their parent shell has exited), named
   * envdoctor-busy, measured over three seconds and kept running until the turn has ended; each is
   * bounded by `timeout` should this test die first.
   */
  private void busyLoops() {
    try {
      Path busy = Files.createSymbolicLink(dir.resolve("envdoctor-busy"), Path.of("/bin/sh"));
      String one = "timeout 20 '" + busy + "' -c 'while :; do :; done' </dev/null >/dev/null 2>&1 & echo $!; ";
      Process sh = new ProcessBuilder("/bin/sh", "-c", one + one).redirectErrorStream(true).start();
      for (String pid : new String(sh.getInputStream().readAllBytes()).strip().split("\\s+")) {
        loops.add(ProcessHandle.of(Long.parseLong(pid)).orElseThrow());
      }
      sh.waitFor();
      long start = System.nanoTime();
      // the window the loops are measured over: a timer process's three seconds, awaited as its end
      assertTrue(new ProcessBuilder("sleep", "3").start().waitFor(30, TimeUnit.SECONDS));
      double seconds = (System.nanoTime() - start) / 1e9;
      long ticks = 0;
      for (ProcessHandle t : loops) {
        for (ProcessHandle loop : t.children().toList()) {
          var p = ProcStat.process(Files.readString(Path.of("/proc/" + loop.pid() + "/stat")));
          ticks += p == null ? 0 : p.ticks();
        }
      }
      loopsCpus = ticks / ProcStat.TICKS_PER_SECOND / seconds;
    } catch (Exception e) {
      stopLoops();
      throw new AssertionError(e);
    }
  }

  /**
   * Issue #25 follow-up, item 1: the projection's own turn is metered with the real meter of this
   * machine (/proc), while a real busy loop (a shell started here, outside envdoctor's process tree,
   * bounded by `timeout`, stopped at the end) takes a CPU; that contention reaches the side's
   * projection calibrations in a real recorded quiet run (recorded/bursts/plain-doctor-0030.json),
   * whose projection rows then carry the mark. Before, only the bursts were metered: the busy loop
   * left no trace and the rows stayed unmarked (docs/benchmarks.md, run 4 at 19-55x slow).
   */
  @Test
  void aBusyLoopDuringTheProjectionsTurnMarksItsRowsContended() throws Exception {
    Turns gate = new Turns(new BurstPlan(0.01, 2, 3, 30), CpuMeter.forThisMachine(), 7);
    gate.register("native/python");
    gate.register("docker/djl");
    gate.allRegistered();
    var a = child(gate, "native/python", n -> 5.0, this::busyLoops);
    var b = child(gate, "docker/djl", n -> 5.0, () -> { });
    try {
      a.get(60, TimeUnit.SECONDS);
      b.get(60, TimeUnit.SECONDS);
    } finally {
      stopLoops();
    }
    Contention c = gate.records().sides().get("native/python").projection();
    assertNotNull(c, "the projection's turn was metered");
    // the loops alone make it contended, and the meter counted them (other helpers' load may add more)
    assertTrue(loopsCpus >= Contention.CONTENDED_CPUS, "the loops got " + loopsCpus + " CPUs");
    assertTrue(c.othersCpus() >= 0.9 * loopsCpus, c + " vs the loops' own " + loopsCpus);
    assertTrue(c.contended(), c.toString());

    Report quiet = ReportJson.read(Path.of("src/test/resources/recorded/bursts/plain-doctor-0030.json"));
    Recommendation before = Verdict.decide(quiet, Workloads.DEFAULT);
    assertFalse(Boolean.TRUE.equals(before.measurement().contended()), "the recorded run itself was quiet");
    Report annotated = new BurstRecords(java.util.Map.of("native/python", gate.records().sides().get("native/python")))
        .annotate(quiet);
    var points = annotated.calibrations().stream().filter(dev.envdoctor.recommend.Projections::isProjectionCalibration)
        .filter(x -> "native".equals(x.runtime()) && x.backend() == Backend.PYTHON).toList();
    assertEquals(2, points.size(), "the recorded run's two YOLO points");
    assertTrue(points.stream().allMatch(x -> x.contention() == c), points.toString());
    Recommendation rec = Verdict.decide(annotated, Workloads.DEFAULT);
    // the pairs were quiet: the measurement and the speed-up stay unmarked, only the projection carries the load
    assertFalse(Boolean.TRUE.equals(rec.measurement().contended()), rec.measurement().toString());
    assertEquals(null, rec.measurement().contention(), rec.measurement().toString());
    assertEquals(before.reason(), rec.reason(), "the load is no reason for the verdict");
    assertTrue(rec.projection().stream().allMatch(p -> Boolean.TRUE.equals(p.contended())), rec.projection().toString());
    assertTrue(rec.assumptions().stream().anyMatch(x -> x.contains("while the projection's points were timed")
        && x.endsWith("the projection is not a figure to plan by")), rec.assumptions().toString());
    assertEquals(before.verdict(), rec.verdict(), "the verdict's pairs were not the projection's turn");
    assertFalse(dev.envdoctor.report.Fmt.speedup(rec).contains(dev.envdoctor.report.Fmt.CONTENDED), dev.envdoctor.report.Fmt.speedup(rec));
    String both = dev.envdoctor.report.Renderers.byFormat("md").orElseThrow().render(annotated.withRecommendation(rec));
    assertTrue(both.contains(dev.envdoctor.report.Fmt.CONTENDED + ": other processes used "), "the projection is marked: " + both);
    assertTrue(dev.envdoctor.recommend.RecommendView.contention(rec).contains("while the projection's points were timed"),
        dev.envdoctor.recommend.RecommendView.contention(rec));

    // one side alone (docker's calibrations left out): no measurement, yet the rows, the console and the files say so
    Report alone = annotated.withCalibrations(annotated.calibrations().stream()
        .filter(x -> "native".equals(x.runtime())).toList());
    Recommendation one = Verdict.decide(alone, Workloads.DEFAULT);
    assertEquals(Confidence.ONE_SIDE, one.confidence());
    assertTrue(one.projection().stream().allMatch(p -> Boolean.TRUE.equals(p.contended())), one.projection().toString());
    assertTrue(dev.envdoctor.recommend.RecommendView.contended(one));
    // its words in the assumptions, which every format prints below the rows
    assertTrue(one.assumptions().stream().anyMatch(x -> x.contains("while the projection's points were timed")
        && x.endsWith("the projection is not a figure to plan by")), one.assumptions().toString());
    String md = dev.envdoctor.report.Renderers.byFormat("md").orElseThrow().render(alone.withRecommendation(one));
    assertTrue(md.contains(dev.envdoctor.report.Fmt.CONTENDED + ": other processes used "), md);
  }
}
