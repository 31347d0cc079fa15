package dev.envdoctor.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BurstPlanTest {

  @Test
  void quickAndFullAndTheBenchmarksOverride() {
    assertEquals(BurstPlan.QUICK, BurstPlan.of(false, Map.of()));
    assertEquals(BurstPlan.FULL, BurstPlan.of(true, Map.of()));
    assertEquals(new BurstPlan(0.3, 4, 30, 6.0), BurstPlan.of(false, Map.of(BurstPlan.ENV, "0.3,4,30,6")));
    assertEquals(BurstPlan.QUICK, BurstPlan.of(false, Map.of(BurstPlan.ENV, "0.3,x,30,6")), "malformed: the shipped plan");
  }

  /** A named job's own network bursts longer steps: fewer rounds, more seconds for them; the override still wins. */
  @Test
  void aNamedJobsStepsGetTheirOwnPlan() {
    assertEquals(BurstPlan.JOB, BurstPlan.of(false, true, Map.of()));
    assertEquals(BurstPlan.JOB_FULL, BurstPlan.of(true, true, Map.of()));
    assertEquals(BurstPlan.QUICK, BurstPlan.of(false, false, Map.of()));
    assertEquals(new BurstPlan(0.3, 4, 30, 6.0), BurstPlan.of(false, true, Map.of(BurstPlan.ENV, "0.3,4,30,6")));
    assertTrue(BurstPlan.JOB.maxSeconds() > BurstPlan.QUICK.maxSeconds() && BurstPlan.JOB.minRounds() < BurstPlan.QUICK.minRounds());
  }

  @Test
  void theSideGetsBurstsOnlyWhenThereAreRounds() {
    assertEquals(0.05, BurstPlan.QUICK.sideBurstSeconds());
    assertEquals(0.0, BurstPlan.NONE.sideBurstSeconds());
  }
}
