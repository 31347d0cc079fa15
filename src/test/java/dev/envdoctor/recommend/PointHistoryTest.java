package dev.envdoctor.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.CalibrationBuilder;
import dev.envdoctor.model.EarlierPoint;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.Tool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file of earlier runs' projection points: what is kept, what is read back, and what is never a failure. */
class PointHistoryTest {

  @TempDir Path dir;

  private static final Instant NOW = Instant.parse("2026-12-07T21:30:00Z");

  private static Report report(double small, double large) {
    return Report.empty(new Tool("envdoctor", "0.1.0"), NOW.toString())
        .withCalibrations(List.of(point(96, small), point(224, large), cnn()));
  }

  private static Calibration point(int imgsz, double ms) {
    return CalibrationBuilder.builder().runtime("native").backend(Backend.DJL).device("cpu").workload("yolov8m")
        .imgsz(imgsz).batch(4).steps(3).medianMs(ms).threads(2).precision("fp32").build();
  }

  private static Calibration cnn() {
    return CalibrationBuilder.builder().runtime("native").backend(Backend.DJL).device("cpu").workload("cnn")
        .imgsz(64).batch(16).steps(30).medianMs(12.0).threads(2).build();
  }

  @Test
  void aKeptRunsProjectionPointsComeBackForTheNextRunAndItsVerdictWorkloadDoesNot() {
    PointHistory h = new PointHistory(dir.resolve("points-history.jsonl"), "vm-a");
    h.keep(report(330, 1200), "2026-12-07T21:20:00Z");
    List<EarlierPoint> e = h.earlier(report(350, 1300), NOW);
    assertEquals(2, e.size());
    assertEquals(List.of(330.0, 1200.0), e.stream().map(EarlierPoint::medianMs).toList());
    assertTrue(e.stream().allMatch(p -> p.at().equals("2026-12-07T21:20:00Z")));
  }

  @Test
  void anotherHostsAnotherVersionsAndLastMonthsPointsAreLeftOut() throws Exception {
    Path file = dir.resolve("points-history.jsonl");
    new PointHistory(file, "vm-b").keep(report(330, 1200), "2026-12-07T21:20:00Z");
    new PointHistory(file, "vm-a").keep(report(330, 1200), "2026-11-07T21:20:00Z");
    Report older = Report.empty(new Tool("envdoctor", "0.0.9"), NOW.toString()).withCalibrations(report(1, 1).calibrations());
    new PointHistory(file, "vm-a").keep(older, "2026-12-07T21:21:00Z");
    assertEquals(List.of(), new PointHistory(file, "vm-a").earlier(report(350, 1300), NOW));
    assertEquals(6, Files.readAllLines(file).size());
  }

  @Test
  void aTornOrForeignLineIsSkippedAndTheRestRead() throws Exception {
    Path file = dir.resolve("points-history.jsonl");
    PointHistory h = new PointHistory(file, "vm-a");
    h.keep(report(330, 1200), "2026-12-07T21:20:00Z");
    Files.writeString(file, "{\"host\": \"vm-a\", \"point\": {\"medianMs\": \n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(file, "not json at all\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    assertEquals(2, h.earlier(report(350, 1300), NOW).size());
  }

  @Test
  void aLongFileIsCutToItsNewestLines() throws Exception {
    Path file = dir.resolve("points-history.jsonl");
    PointHistory h = new PointHistory(file, "vm-a");
    for (int i = 0; i < PointHistory.MOST_LINES / 2 + 1; i++) {
      h.keep(report(330, 1200), "2026-12-07T21:20:00Z");
    }
    assertEquals(PointHistory.KEEP, Files.readAllLines(file).size());
    try (var s = Files.list(dir)) {
      assertEquals(1, s.count(), "no temporary file left");
    }
  }

  @Test
  void aFolderThatCannotBeWrittenOrReadLeavesTheRunAlone() throws Exception {
    Path notADir = dir.resolve("file");
    Files.writeString(notADir, "x");
    PointHistory h = new PointHistory(notADir.resolve("points-history.jsonl"), "vm-a");
    h.keep(report(330, 1200), "2026-12-07T21:20:00Z");
    assertEquals(List.of(), h.earlier(report(350, 1300), NOW));
  }

  @Test
  void offOrNoFolderKnownMeansNoHistory() {
    assertNull(PointHistory.of(Map.of()));
    assertNull(PointHistory.of(Map.of("HOME", "/root", PointHistory.ENV, "off")));
    assertNotNull(PointHistory.of(Map.of("ENVDOCTOR_HOME", dir.toString())));
  }
}
