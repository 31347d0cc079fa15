package dev.envdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.run.ExitCode;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.testing.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportCommandTest {

  @ParameterizedTest
  @ValueSource(strings = {"json", "md", "html", "junit"})
  void reRendersASavedReportRedactedByDefault(String format) {
    var r = new CliHarness().run("report", "--from", Fixtures.LINUX.toString(), "--format", format);
    assertEquals(ExitCode.OK, r.exitCode(), r.err());
    assertEquals("", r.err());
    assertFalse(r.out().contains("/home/dana"), r.out());
    assertTrue(r.out().contains("NVIDIA GeForce RTX 4090") || format.equals("junit"), r.out());
  }

  @Test
  void noRedactKeepsWhatTheReportSays() {
    var r = new CliHarness().run("report", "--from", Fixtures.LINUX.toString(), "--format", "md", "--no-redact");
    assertEquals(ExitCode.OK, r.exitCode(), r.err());
    assertTrue(r.out().contains("/home/dana/miniconda3/envs/train/bin/python"), r.out());
    assertTrue(r.out().contains("not redacted"));
  }

  @Test
  void seededSecretsAreRedactedOnTheWayThroughTheCliAndKeptWithNoRedact(@TempDir Path tmp) throws Exception {
    Path seeded = tmp.resolve("seeded.json");
    Files.writeString(seeded, ReportJson.write(Seeds.into(Fixtures.mac())));
    CliHarness cli = new CliHarness().env("USER", "dana").env("HOSTNAME", "mbp-dana.corp.example");
    for (String format : List.of("json", "md", "html", "junit")) {
      String shared = cli.run("report", "--from", seeded.toString(), "--format", format).out();
      String raw = cli.run("report", "--from", seeded.toString(), "--format", format, "--no-redact").out();
      assertTrue(Seeds.secrets().stream().anyMatch(raw::contains), format);
      for (String secret : Seeds.secrets()) {
        assertFalse(shared.contains(secret), format + " shows " + secret);
      }
    }
  }

  @Test
  void outWritesTheFileAndSaysWhere(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("sub/report.html");
    var r = new CliHarness().run("report", "--from", Fixtures.MAC.toString(), "--format", "html", "--out", out.toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertEquals("wrote " + out + System.lineSeparator(), r.err());
    assertTrue(Files.readString(out).startsWith("<!DOCTYPE html>"));
  }

  @Test
  void badInputIsOneLineAndExitTwo(@TempDir Path tmp) throws Exception {
    Path notJson = Files.writeString(tmp.resolve("notes.json"), "hello, I am not JSON");
    Path wrongSchema = Files.writeString(tmp.resolve("other.json"), "{\"schema\": \"someone/else/v3\", \"createdAt\": \"x\"}");
    Path array = Files.writeString(tmp.resolve("array.json"), "[1, 2]");
    Path empty = Files.writeString(tmp.resolve("empty.json"), "");
    record Case(List<String> args, String says) {}
    List<Case> cases = List.of(
        new Case(List.of("--from", tmp.resolve("missing.json").toString()), "no such report file"),
        new Case(List.of("--from", notJson.toString()), "is not a JSON report"),
        new Case(List.of("--from", array.toString()), "is not a JSON report"),
        new Case(List.of("--from", empty.toString()), "is not"),
        new Case(List.of("--from", wrongSchema.toString()), "is not an envdoctor report: schema is \"someone/else/v3\""),
        new Case(List.of("--from", tmp.toString()), "cannot read"),
        new Case(List.of("--from", Fixtures.MAC.toString(), "--format", "pdf"), "unknown format 'pdf': use one of json|md|html|junit"));
    for (Case c : cases) {
      var args = new java.util.ArrayList<>(List.of("report"));
      args.addAll(c.args());
      var r = new CliHarness().run(args.toArray(String[]::new));
      assertEquals(ExitCode.USAGE, r.exitCode(), c + r.err());
      assertEquals("", r.out());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().startsWith("envdoctor: ") && r.err().contains(c.says()), r.err());
    }
    try (var left = Files.list(tmp)) {
      assertEquals(4, left.count(), "nothing written beside the inputs");
    }
  }

  /** Amounts other stages added (a peak's achieved figure, its board conditions, projection bounds) are checked too. */
  @Test
  void negativePeakConditionAndProjectionFiguresAreBadInput(@TempDir Path tmp) throws Exception {
    for (String field : List.of("peaks[0].achieved", "peaks[0].conditions.powerWMax", "peaks[0].conditions.smMhzMin",
        "recommendation.projection[0].hoursLow", "recommendation.projection[0].pairedRatio")) {
      var tree = (com.fasterxml.jackson.databind.node.ObjectNode) ReportJson.mapper().readTree(Files.readString(Fixtures.LINUX));
      var peak = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("peaks").get(0);
      peak.putObject("conditions").put("samples", 4).put("smMhzMin", 1980.0).put("powerWMax", 690.0);
      var projection = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("recommendation").get("projection").get(0);
      projection.put("pairedRatio", 1.1);
      String leaf = field.substring(field.lastIndexOf('.') + 1);
      (leaf.equals("achieved") ? peak : leaf.equals("hoursLow") || leaf.equals("pairedRatio") ? projection
          : (com.fasterxml.jackson.databind.node.ObjectNode) peak.get("conditions")).put(leaf, -5.0);
      Path bad = Files.writeString(tmp.resolve(leaf + ".json"), ReportJson.mapper().writeValueAsString(tree));
      var r = new CliHarness().run("compare", Fixtures.LINUX.toString(), bad.toString());
      assertEquals(ExitCode.USAGE, r.exitCode(), field + r.out() + r.err());
      assertEquals("", r.out());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().contains(field + " is -5.0: an amount cannot be negative"), r.err());
    }
  }

  /** A report edited to hold figures no run produces: report --from and compare refuse it in one line, exit 2. */
  @Test
  void negativeNonFiniteAndMistypedFiguresAreBadInputInTheReportsWords(@TempDir Path tmp) throws Exception {
    String text = Files.readString(Fixtures.LINUX);
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) ReportJson.mapper().readTree(text);
    var cal = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("calibrations").get(0);
    cal.put("medianMs", -5.0);
    Path negative = Files.writeString(tmp.resolve("negative.json"), ReportJson.mapper().writeValueAsString(tree));
    cal.put("medianMs", "abc");
    Path mistyped = Files.writeString(tmp.resolve("mistyped.json"), ReportJson.mapper().writeValueAsString(tree));
    cal.put("medianMs", 1.0);
    Path nan = Files.writeString(tmp.resolve("nan.json"), ReportJson.mapper().writeValueAsString(tree)
        .replace("\"medianMs\" : 1.0", "\"medianMs\" : NaN"));
    record Case(Path file, String says) {}
    for (Case c : List.of(new Case(negative, "calibrations[0].medianMs is -5.0: an amount cannot be negative"),
        new Case(mistyped, "calibrations[0].medianMs is \"abc\", not a number"),
        new Case(nan, "JSON has no NaN or Infinity"))) {
      for (String[] argv : List.of(new String[] {"report", "--from", c.file().toString(), "--format", "md"},
          new String[] {"compare", Fixtures.LINUX.toString(), c.file().toString()})) {
        var r = new CliHarness().run(argv);
        assertEquals(ExitCode.USAGE, r.exitCode(), c + r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(c.says()), r.err());
        assertFalse(r.err().contains("java.") || r.err().contains("`"), "no Java type names: " + r.err());
      }
    }
  }
}
