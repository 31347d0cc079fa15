package dev.envdoctor.compare;

import dev.envdoctor.run.Console;
import dev.envdoctor.testing.Golden;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * compare's console output, whole, for the constructed fixtures under src/test/resources/compare, each way
 * round (golden/compare). Regenerate with -Dgolden.update=true ({@link Golden}).
 */
class CompareGoldenTest {

  @ParameterizedTest
  @CsvSource({
      "constructed-base-mac.json, constructed-other-mac-small-vm.json",
      "constructed-other-mac-small-vm.json, constructed-base-mac.json",
      "constructed-base-linux.json, constructed-other-linux-no-toolkit.json",
      "constructed-other-linux-no-toolkit.json, constructed-base-linux.json",
      "constructed-base-mac.json, constructed-base-mac.json",
      "constructed-base-mac.json, constructed-base-linux.json",
      "constructed-other-mac-small-vm.json, constructed-other-mac-small-vm.json",
      "../recorded/bursts/docker-native-cgroup-half-contended.json, ../recorded/bursts/docker-native-contended-java.json",
      "../recorded/bursts/plain-doctor-0030.json, ../recorded/bursts/plain-doctor-0031.json",
      "../recorded/bursts/plain-doctor-0031.json, ../recorded/bursts/plain-doctor-half-cpu.json"})
  void theComparisonReadsAsBefore(String base, String other) throws Exception {
    Comparison c = Comparer.compare(ComparerTest.read(base), ComparerTest.read(other), "BASE", "OTHER");
    assertView(name(base) + "--" + name(other) + ".txt", c);
  }

  /** Fails unless compare's console output and its rows' ratio texts for {@code c} are golden/compare/{@code name}. */
  static void assertView(String name, Comparison c) {
    StringWriter out = new StringWriter();
    ComparisonView.print(c, new Console(new PrintWriter(out, true), false));
    StringBuilder ratios = new StringBuilder();
    c.ratios().forEach(r -> ratios.append(r.runtime()).append('/').append(r.backend()).append('/').append(r.device())
        .append(" · ").append(r.workload()).append(": ").append(CompareWords.ratioText(r)).append('\n'));
    Golden.assertMatches("compare/" + name, out + "--- ratios ---\n" + ratios);
  }

  private static String name(String file) {
    return Path.of(file).getFileName().toString().replace(".json", "");
  }
}
