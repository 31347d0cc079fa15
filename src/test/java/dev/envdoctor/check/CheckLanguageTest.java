package dev.envdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.check.eval.ExpectationEvaluator;
import dev.envdoctor.check.load.ProfileLoader;
import dev.envdoctor.check.load.ProfileLocator;
import dev.envdoctor.check.load.ProfileSource;
import dev.envdoctor.check.match.BadValueException;
import dev.envdoctor.check.match.Dimension;
import dev.envdoctor.check.match.Quantity;
import dev.envdoctor.check.match.Version;
import dev.envdoctor.check.model.Check;
import dev.envdoctor.check.path.FactSchema;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Units, versions, the schema from the model, and the operators evaluated on a report. */
class CheckLanguageTest {

  @ParameterizedTest
  @CsvSource({"16GiB, BYTES, 17179869184", "500MB, BYTES, 500000000", "2.5GHz, HERTZ, 2500000000",
      "1.5GHz, MEGAHERTZ, 1500", "80%, FRACTION, 0.8", "2s, MILLIS, 2000", "90min, HOURS, 1.5", "1_000, NONE, 1000", "12, BYTES, 12"})
  void quantitiesReadInTheFieldsBaseUnit(String text, Dimension dim, double expected) throws BadValueException {
    assertEquals(expected, Quantity.parse(text, dim), 1e-9);
  }

  @Test
  void unitsOfTheWrongFamilyAreRefused() {
    var e = assertThrows(BadValueException.class, () -> Quantity.parse("3GHz", Dimension.BYTES));
    assertTrue(e.getMessage().startsWith("bad unit 'GHz' in '3GHz': the fact is a size in bytes"), e.getMessage());
    assertThrows(BadValueException.class, () -> Quantity.parse("10%", Dimension.NONE));
    assertThrows(BadValueException.class, () -> Quantity.parse("16gib", Dimension.BYTES));
  }

  @Test
  void versionsCompareNumberByNumber() {
    assertTrue(v("2.10").compareTo(v("2.9")) > 0);
    assertEquals(0, v("14").compareTo(v("14.0.0")));
    assertTrue(v("2.7.1+cu128").compareTo(v("2.7")) > 0);
    assertTrue(v("580.65.06").compareTo(v("525.60.13")) > 0);
    assertTrue(v("17.0.13+11").compareTo(v("21")) < 0);
    assertFalse(Version.parse("beta").isPresent());
  }

  private static Version v(String s) {
    return Version.parse(s).orElseThrow();
  }

  @Test
  void schemaIsTheReportModelByReflection() {
    List<String> paths = FactSchema.report().allPaths();
    for (String p : List.of("host.os.family", "host.cpu.logicalCores", "host.memory.availableBytes", "host.disks.freeBytes",
        "host.gpus.driverVersion", "host.power.lowPowerMode", "jvm.translated", "python.torch.mps.available",
        "runtimes.gpuAccess", "devices.verified", "calibrations.medianMs", "recommendation.projection.hours", "summary.failed")) {
      assertTrue(paths.contains(p), p);
    }
    // every record component of every model record is reachable: the count grows with the model
    assertTrue(paths.size() > 150, "paths: " + paths.size());
  }

  static final String REPORT = "src/test/resources/checks/linux-cpu-docker.json";

  /** One check with one expectation, evaluated on the Linux test report. */
  static boolean holds(String path, String matcher) throws Exception {
    String yaml = "checks:\n  - id: t\n    title: t\n    severity: fail\n    expect:\n      " + quote(path) + ": " + matcher + "\n";
    var p = new ProfileLoader(new ProfileLocator(Path.of(""))).load(new ProfileSource("t", "t", "t.yaml", Path.of("checks"), yaml));
    Check c = p.checks().get(0);
    Report r = ReportJson.read(Path.of(REPORT));
    return ExpectationEvaluator.evaluate(c.expect().get(0), r).holds();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\\\"") + "\"";
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "host.memory.totalBytes | '\">= 24GiB\"' | true",
      "host.memory.totalBytes | '\"> 24GiB\"' | false",
      "host.memory.totalBytes | '\"< 25.8GB\"' | true",
      "host.cpu.maxFrequencyHz | '\">= 2.5GHz\"' | true",
      "host.cpu.logicalCores | 2 | true",
      "host.cpu.logicalCores | '\"!= 2\"' | false",
      "host.os.family | LINUX | true",
      "host.os.family | '{ oneOf: [macos, windows] }' | false",
      "host.os.kernel | '{ matches: \"^6[.]1[.]\" }' | true",
      "jvm.version | '\">= 17\"' | true",
      "jvm.version | '\"< 17.0.2\"' | false",
      "python.torch.version | '\"== 1.13.0\"' | true",
      "python.torch.cuda | '{ exists: false }' | true",
      "python.torch | '{ exists: true }' | true",
      "jvm.translated | false | true",
      "jvm.translated | '\"!= true\"' | true",
      "host.power.onBattery | false | false",
      "host.power.onBattery | '{ exists: false }' | true",
      "devices[runtime=native,device=cpu].verified | true | true",
      "devices[runtime=native,device=mps].verified | true | false",
      "all(devices[runtime=native,device=mps].verified) | true | true",
      "none(devices.verified) | false | true",
      "any(runtimes.status) | not-installed | true",
      "all(runtimes.status) | ok | false",
      "count(runtimes[status=ok]) | 3 | true",
      "count(devices[runtime!=native]) | '\">= 2\"' | true",
      "min(host.disks.freeBytes) | '\">= 1GiB\"' | false",
      "max(host.disks.freeBytes) | '\">= 50GiB\"' | true",
      "any(host.cpu.features) | avx2 | true",
      "runtimes[name=dock*].serverVersion | '\">= 20.10\"' | true",
      "host.gpus | '{ exists: false }' | true",
      "recommendation.speedup | '\">= 1\"' | false"})
  void operatorsOnTheLinuxReport(String path, String matcher, boolean expected) throws Exception {
    assertEquals(expected, holds(path, matcher), path + ": " + matcher);
  }

  @Test
  void bundledListMatchesTheChecksFolder() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("checks"))) {
      List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
          .map(n -> n.replace(".yaml", "")).sorted().toList();
      assertEquals(names, ProfileLocator.BUNDLED.stream().sorted().toList());
    }
  }

  /** From an empty folder nothing is found on disk, so these come from the jar's resources. */
  @Test
  void bundledProfilesLoadFromTheClasspath(@org.junit.jupiter.api.io.TempDir Path empty) {
    for (String name : ProfileLocator.BUNDLED) {
      var p = new ProfileLoader(new ProfileLocator(empty)).load(name);
      assertTrue(p.source().startsWith("envdoctor.jar!/checks/"), p.source());
      assertFalse(p.checks().isEmpty(), name);
    }
  }
}
