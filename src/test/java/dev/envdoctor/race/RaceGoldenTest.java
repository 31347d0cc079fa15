package dev.envdoctor.race;

import dev.envdoctor.testing.Golden;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The race's verdict line for the timed pairs of RaceVerdictTest and a few more, one case a block
 * (golden/race/verdicts.txt). Regenerate with -Dgolden.update=true ({@link Golden}).
 */
class RaceGoldenTest {

  /** name → native seconds, container seconds */
  static Map<String, List<List<Double>>> cases() {
    Map<String, List<List<Double>>> m = new LinkedHashMap<>();
    m.put("native faster, drifting", List.of(List.of(10.0, 12.0, 11.0), List.of(18.1, 21.4, 19.9)));
    m.put("parity under drift", List.of(List.of(10.0, 13.0, 10.5, 12.0), List.of(10.05, 12.95, 10.52, 12.04)));
    m.put("container faster", List.of(List.of(20.0, 21.0, 19.0), List.of(14.0, 14.9, 13.1)));
    m.put("one pair", List.of(List.of(10.0), List.of(12.0)));
    m.put("noisy pairs", List.of(List.of(10.0, 10.0, 10.0), List.of(8.0, 13.0, 10.5)));
    m.put("ten times slower, long runs", List.of(List.of(1.0, 1.1, 0.9, 1.0), List.of(10.5, 11.2, 9.8, 10.1)));
    m.put("uneven lists", List.of(List.of(30.0, 31.0, 29.5), List.of(30.2, 30.9)));
    return m;
  }

  @Test
  void theVerdictLinesReadAsBefore() {
    StringBuilder out = new StringBuilder();
    cases().forEach((name, runs) -> {
      RaceDecision v = RaceVerdict.decide(runs.get(0), runs.get(1));
      String words = RaceVerdict.words(v, name.contains("parity") ? "podman" : "docker");
      out.append("# ").append(name).append('\n').append(v.kind().label()).append(' ').append(v.ratio()).append(' ')
          .append(v.low()).append(' ').append(v.high()).append(' ').append(v.pairs()).append('\n').append(words).append('\n');
    });
    Golden.assertMatches("race/verdicts.txt", out.toString());
  }
}
