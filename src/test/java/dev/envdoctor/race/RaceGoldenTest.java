package dev.envdoctor.race;

import dev.envdoctor.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The race's verdict line for the timed pairs of RaceVerdictTest and a few more, one case a block
 * (golden/race/verdicts.txt). Regenerate with -Dgolden.update=true ({@link Golden}).
 */
class RaceGoldenTest {

  /** A race's timed runs: pair i is (nativeSeconds[i], containerSeconds[i]). */
  record Case(String name, String runtime, List<Double> nativeSeconds, List<Double> containerSeconds) {}

  static List<Case> cases() {
    return List.of(
        new Case("native faster, drifting", "docker", List.of(10.0, 12.0, 11.0), List.of(18.1, 21.4, 19.9)),
        new Case("parity under drift", "podman", List.of(10.0, 13.0, 10.5, 12.0), List.of(10.05, 12.95, 10.52, 12.04)),
        new Case("container faster", "docker", List.of(20.0, 21.0, 19.0), List.of(14.0, 14.9, 13.1)),
        new Case("one pair", "docker", List.of(10.0), List.of(12.0)),
        new Case("noisy pairs", "docker", List.of(10.0, 10.0, 10.0), List.of(8.0, 13.0, 10.5)),
        new Case("ten times slower, long runs", "docker", List.of(1.0, 1.1, 0.9, 1.0), List.of(10.5, 11.2, 9.8, 10.1)),
        new Case("uneven lists", "docker", List.of(30.0, 31.0, 29.5), List.of(30.2, 30.9)));
  }

  @Test
  void theVerdictLinesReadAsBefore() {
    StringBuilder out = new StringBuilder();
    for (Case c : cases()) {
      RaceDecision v = RaceVerdict.decide(c.nativeSeconds(), c.containerSeconds());
      out.append("# ").append(c.name()).append('\n').append(v.kind().outcome()).append(' ').append(v.ratio()).append(' ')
          .append(v.low()).append(' ').append(v.high()).append(' ').append(v.pairs()).append('\n')
          .append(RaceVerdict.words(v, c.runtime())).append('\n');
    }
    Golden.assertMatches("race/verdicts.txt", out.toString());
  }
}
