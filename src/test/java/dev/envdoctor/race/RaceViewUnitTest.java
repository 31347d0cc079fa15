package dev.envdoctor.race;


import dev.envdoctor.model.Race;
import dev.envdoctor.model.RaceOutcome;
import dev.envdoctor.model.RaceStatus;
import dev.envdoctor.run.Console;
import dev.envdoctor.testing.Golden;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #25, "Units and words": race printed `full job 0.0 h` for 2.42 s × 50 (its own formatter had
 * no unit below an hour). It reads in the projection's one unit now. Failed before.
 */
class RaceViewUnitTest {

  @Test
  void aShortFullJobReadsInMinutesNotZeroHours() {
    double median = 2.42;
    Race.RaceSide side = new Race.RaceSide("native", null, null, null, List.of(2.40, 2.42, 2.45), 0, RaceStatus.OK, median,
        median * 50 / 3600, List.of());
    Race race = new Race(List.of("python3", "train.py"), null, List.of(side), null, null, null, 0, RaceOutcome.PARITY,
        "only native ran", 50.0, null, List.of());
    StringWriter out = new StringWriter();
    Console c = new Console(new PrintWriter(out, true), false);
    RaceView.print(race, c);
    c.flush();
    // the golden line reads "full job 2 min"
    Golden.assertMatches("race/view-short-full-job.txt", out.toString());
  }
}
