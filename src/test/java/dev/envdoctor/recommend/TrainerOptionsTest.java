package dev.envdoctor.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Recommendation.Workload;
import dev.envdoctor.run.RunFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer's settings a user states (issue #29): honoured as given, a bad one is one line and exit 2. */
class TrainerOptionsTest {

  private static final Workload JOB = Workloads.of("j", "yolov8n", 1, 1000, 320, 8, null);

  private static String bad(String trainer, Integer threads, Integer workers, String precision, Long val, String size,
      String data) {
    RunFailure e = assertThrows(RunFailure.class,
        () -> Workloads.withTrainer(JOB, trainer, threads, workers, precision, val, size, data));
    assertEquals(2, e.status(), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    assertFalse(e.getMessage().matches(".*(Exception|java\\.).*"), e.getMessage());
    return e.getMessage();
  }

  @Test
  void eachBadSettingIsOneLineNamingTheOptionAndWhatItTakes() {
    assertEquals("--trainer lightning: use ultralytics or torch", bad("lightning", null, null, null, null, null, null));
    assertEquals("--threads 0: a count from 1 to 1024", bad(null, 0, null, null, null, null, null));
    assertEquals("--workers -1: a count from 0 (data in the training process) to 256", bad(null, null, -1, null, null, null, null));
    assertEquals("--precision bf16: use fp32, tf32 or amp", bad(null, null, null, "bf16", null, null, null));
    assertEquals("--val-images -5: a count of 0 or more", bad(null, null, null, null, -5L, null, null));
    assertEquals("--source-size 1280*720: write WIDTHxHEIGHT in pixels, e.g. 1280x720",
        bad(null, null, null, null, null, "1280*720", null));
  }

  @Test
  void aDataFolderThatCannotFeedThePipelineIsBadInputAndNothingIsWrittenThere(@TempDir Path tmp) throws IOException {
    assertTrue(bad(null, null, null, null, null, null, tmp.resolve("nope").toString()).startsWith("--data " + tmp.resolve("nope")));
    Path empty = Files.createDirectory(tmp.resolve("empty"));
    Files.writeString(empty.resolve("notes.txt"), "not an image");
    String m = bad(null, null, null, null, null, null, empty.toString());
    assertTrue(m.startsWith("--data " + empty + ": "), m);
    assertEquals(List.of("notes.txt"), Files.list(empty).map(p -> p.getFileName().toString()).toList(), "nothing written");
    Path file = Files.writeString(tmp.resolve("a.jpg"), "x");
    assertTrue(bad(null, null, null, null, null, null, file.toString()).startsWith("--data " + file + ": "));
  }

  @Test
  void statedSettingsAreKeptAndAFolderWithImagesIsTakenAsItsAbsolutePath(@TempDir Path tmp) throws IOException {
    Files.write(tmp.resolve("img1.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8});
    Workload w = Workloads.withTrainer(JOB, "torch", 2, 2, "fp32", 50L, "1920x1080", tmp.toString());
    assertEquals("torch", w.trainer());
    assertEquals(2, w.threads());
    assertEquals(2, w.workers());
    assertEquals(50L, w.validationImages());
    assertEquals("1920x1080", w.pipelineSource());
    assertEquals(tmp.toAbsolutePath().normalize().toString(), w.data());
    Workload none = Workloads.withTrainer(JOB, null, null, null, null, null, null, null);
    assertEquals(100L, none.validationImages(), "10% of --images");
    assertEquals("1280x720", none.pipelineSource());
  }
}
