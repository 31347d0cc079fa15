package dev.envdoctor.interconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.model.Interconnect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * envdoctor_interconnect.py in a real Python with a real torch (Debian's python3-torch 1.13 at
 * /usr/bin/python3): two gloo ranks on this machine's CPUs, the same code path NCCL takes on GPUs.
 */
class InterconnectScriptIT {

  static final Path TORCH_PYTHON = Path.of("/usr/bin/python3");
  private final InterconnectRun run = new InterconnectRun(new ProcessRunner());

  private List<Interconnect> measure(String... options) {
    return run.measure(TORCH_PYTHON, List.of(options), Duration.ofSeconds(90));
  }

  @Test
  void twoGlooRanksSumCorrectlyAtEverySize() {
    List<Interconnect> entries = measure("--max-bytes", String.valueOf(1 << 20), "--seconds", "0.05");
    assertEquals(List.of(65536L, 262144L, 1048576L), entries.stream().map(Interconnect::bytes).toList());
    for (Interconnect e : entries) {
      assertEquals("gloo", e.backend());
      assertEquals(Interconnect.ALL_REDUCE, e.test());
      assertEquals(2, e.ranks());
      assertEquals(Boolean.TRUE, e.correct(), String.valueOf(e.diagnosis()));
      assertNull(e.diagnosis());
      assertTrue(e.seconds() > 0 && e.iterations() >= 1);
      assertEquals(e.bytes() / e.seconds() / 1e9, e.algGBps(), 1e-9);
      assertEquals(e.algGBps(), e.busGBps(), 1e-12, "2 ranks: factor 2(n-1)/n = 1");
      assertNull(e.ncclVersion());
    }
  }

  /** Rank 0 corrupts one summed element (--plant-wrong-sum): every size must fail the check. */
  @Test
  void aPlantedWrongSumFailsTheCheck() {
    List<Interconnect> entries = measure("--max-bytes", String.valueOf(256 << 10), "--seconds", "0.02");
    List<Interconnect> planted = measure("--max-bytes", String.valueOf(256 << 10), "--seconds", "0.02",
        "--plant-wrong-sum");
    assertTrue(entries.stream().allMatch(e -> Boolean.TRUE.equals(e.correct())));
    assertEquals(2, planted.size());
    for (Interconnect e : planted) {
      assertEquals(Boolean.FALSE, e.correct());
      assertEquals("wrong sum: 1 elements differ from the expected sum of 2 ranks", e.diagnosis());
    }
  }

  /** The script's deadline kills both ranks and says so; no rank outlives it. */
  @Test
  void theDeadlineKillsEveryRank() throws Exception {
    List<Interconnect> entries = run.measure(TORCH_PYTHON, List.of("--seconds", "30", "--iterations", "100000"),
        Duration.ofSeconds(3));
    Interconnect last = entries.get(entries.size() - 1);
    assertTrue(last.diagnosis().startsWith("the ranks did not finish within 3 s: all killed"), last.diagnosis());
    Thread.sleep(500);
    assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("")
        .contains("envdoctor_interconnect.py") || p.info().arguments().map(a -> List.of(a).contains("rank")
            && List.of(a).contains("--ranks")).orElse(false)), "a rank was left behind");
  }

  /** Debian's torch is built without NCCL: asking for it is one entry that says so, not a crash. */
  @Test
  void ncclWithoutNcclSaysSo() {
    List<Interconnect> entries = measure("--backend", "nccl");
    assertEquals(1, entries.size());
    assertEquals("nccl", entries.get(0).backend());
    assertEquals("this torch has no NCCL backend", entries.get(0).diagnosis());
  }

  @Test
  void withoutGpusThereIsNoP2pMatrix() {
    List<Interconnect> entries = measure("--max-bytes", String.valueOf(64 << 10), "--seconds", "0.02");
    assertTrue(entries.stream().noneMatch(e -> Interconnect.P2P_COPY.equals(e.test())));
  }
}
