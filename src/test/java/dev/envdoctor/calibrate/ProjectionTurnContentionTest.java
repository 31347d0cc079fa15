package dev.envdoctor.calibrate;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Confidence;
import dev.envdoctor.protocol.GateLines;
import dev.envdoctor.protocol.BurstLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.calibrate.contention.CpuMeter;
import dev.envdoctor.calibrate.contention.ProcStat;
import dev.envdoctor.model.Contention;
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.recommend.Verdict;
import dev.envdoctor.recommend.Workloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #25 follow-up, item 1: the projection's own turn at the real gate is metered with the real
 * meter of this machine (/proc), while a real busy loop (a shell started here, outside envdoctor's
 * process tree, bounded by `timeout`, stopped at the end) takes a CPU; that contention reaches the
 * side's projection calibrations in a real recorded quiet run (recorded/bursts/plain-doctor-0030.json),
 * whose projection rows then carry the mark. Before, only the bursts were metered: the busy loop
 * left no trace and the rows stayed unmarked (docs/benchmarks.md, run 4 at 19-55x slow).
 */
class ProjectionTurnContentionTest {

  private static final Duration LONG = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  /** A simulated child: bursts of equal steps, then its projection turn, during which {@code during} runs. */
  private static CompletableFuture<Void> child(CalibrationGate gate, String side, Runnable during) {
    Function<String, String> answers = gate.answers(side, LONG);
    return CompletableFuture.runAsync(() -> {
      String answer = answers.apply(GateLines.SIGNAL);
      int n = 0;
      while (GateLines.GO.equals(answer)) {
        n++;
        String json = dev.envdoctor.protocol.WorkerEvents.json(new BurstLine("cpu", "cnn",
            List.of(5.0, 5.05, 4.95), 10.0 * n, null, null, null, null));
        answer = answers.apply(GateLines.SIGNAL + " " + json);
      }
      assertEquals(GateLines.GO, answers.apply(GateLines.SIGNAL), "the projection's turn");
      during.run();
      gate.finish(side);
    });
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
      Thread.sleep(3000);
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

  @Test
  void aBusyLoopDuringTheProjectionsTurnMarksItsRowsContended() throws Exception {
    CalibrationGate gate = new CalibrationGate(new BurstPlan(0.01, 2, 3, 30), CpuMeter.forThisMachine(), 7);
    gate.register("native/python");
    gate.register("docker/djl");
    gate.allRegistered();
    var a = child(gate, "native/python", this::busyLoops);
    var b = child(gate, "docker/djl", () -> { });
    try {
      a.get();
      b.get();
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
