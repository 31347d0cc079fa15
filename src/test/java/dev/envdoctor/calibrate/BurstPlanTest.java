package dev.envdoctor.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

  @Test
  void theSideGetsBurstsOnlyWhenThereAreRounds() {
    assertEquals(0.05, BurstPlan.QUICK.sideBurstSeconds());
    assertEquals(0.0, BurstPlan.NONE.sideBurstSeconds());
  }
}
