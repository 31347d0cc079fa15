package dev.envdoctor.fleet.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.fleet.Selection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The srun command line fleet run gives Slurm (pure: no Slurm is asked). */
class SrunArgvTest {

  @Test
  void oneTaskPerNodeUnderTheRunsJobNameWithTheOptionsGiven() {
    SlurmScheduler s = new SlurmScheduler(spec -> { throw new AssertionError("no command runs here"); }, "envdoctor-fleet-test");
    List<String> argv = s.srun(new Selection("gpu", null, null, null, "ml"), List.of("a", "b"), List.of("envdoctor", "fleet", "node"),
        Duration.ofSeconds(600));
    assertEquals("srun", argv.get(0));
    assertTrue(argv.containsAll(List.of("--job-name=envdoctor-fleet-test", "--nodes=2", "--ntasks-per-node=1", "--nodelist=a,b",
        "--label", "--partition=gpu", "--account=ml", "--time=12")), argv.toString());
    assertEquals(List.of("envdoctor", "fleet", "node"), argv.subList(argv.size() - 3, argv.size()));
    List<String> timed = s.srun(new Selection(null, null, null, "1:00:00", null), List.of("a"), List.of("x"), Duration.ofSeconds(60));
    assertTrue(timed.contains("--time=1:00:00"));
  }
}
