package dev.envdoctor.recommend;

import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.run.Console;
import dev.envdoctor.testing.Golden;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The recommendation as the user sees it, whole, for the recorded and constructed reports (golden/recommend):
 * the console's verdict block, evidence and projection, then the recommendation's JSON. Regenerate with
 * -Dgolden.update=true ({@link Golden}).
 */
class RecommendGoldenTest {

  static Stream<String> reports() throws Exception {
    List<String> names = new ArrayList<>();
    RecordedReports.ALL.forEach(n -> names.add("reports/" + n));
    VerdictBurstsTest.recordings().forEach(n -> names.add("recorded/bursts/" + n));
    return names.stream();
  }

  @ParameterizedTest
  @MethodSource("reports")
  void theViewOfEachReportsVerdictIsUnchanged(String name) throws Exception {
    Report r = ReportJson.read(Path.of("src/test/resources").resolve(name));
    assertView(name.replace(".json", ".txt"), Verdict.decide(r, Workloads.DEFAULT));
  }

  /** Fails unless the view of {@code rec} is golden/recommend/{@code name}. */
  static void assertView(String name, Recommendation rec) {
    Golden.assertMatches("recommend/" + name, text(rec));
  }

  /** The console's verdict, evidence and projection of {@code rec}, without colour, and its JSON. */
  static String text(Recommendation rec) {
    StringWriter out = new StringWriter();
    Console c = new Console(new PrintWriter(out, true), false);
    RecommendView.verdict(rec, c);
    RecommendView.evidence(rec, c);
    RecommendView.projection(rec, c);
    c.flush();
    return out + "\n--- json ---\n" + ReportJson.write(rec) + "\n";
  }
}
