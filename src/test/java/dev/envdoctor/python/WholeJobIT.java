package dev.envdoctor.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.JobTiming;
import dev.envdoctor.model.Recommendation.Projection;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.testing.CliHarness;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #29 end to end on this machine: `recommend` with a stated YOLO job and a trainer, the real
 * CLI, Debian's torch at /usr/bin/python3: the row is timed in the trainer's settings as this machine
 * makes them (the CPUs by nproc, an account independent of envdoctor's), and its parts make its hours.
 */
class WholeJobIT {

  private static final List<String> JOB = List.of("recommend", "--python", PythonScriptIT.TORCH_PYTHON.toString(),
      "--runtime", "native", "--backend", "python", "--model", "yolov8n", "--imgsz", "64", "--batch", "2", "--epochs", "1",
      "--images", "100", "--json");

  private static Report recommend(String... more) throws Exception {
    List<String> args = new java.util.ArrayList<>(JOB);
    args.addAll(List.of(more));
    var r = new CliHarness().run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
    return ReportJson.read(r.out());
  }

  private static int nproc() throws Exception {
    Process p = new ProcessBuilder("nproc").start();
    return Integer.parseInt(new String(p.getInputStream().readAllBytes()).strip());
  }

  private static Projection pythonCpu(Report r) {
    return r.recommendation().projection().stream().filter(p -> p.device().equals("cpu")).findFirst().orElseThrow();
  }

  private static void holdsItsParts(Projection p) {
    var parts = p.parts();
    double steps = Math.ceil(100 / 2.0);
    double hours = (steps * parts.jobStepMs() / 1000 + (parts.validationSeconds() == null ? 0 : parts.validationSeconds())) / 3600;
    assertEquals(hours, p.hours(), 1e-9 * hours, "epochs x (images / batch x the job's step + validation)");
    assertEquals(parts.jobStepMs() / 1000 / 2, p.secondsPerImage(), 1e-12);
  }

  @Test
  void ultralyticsOnThisCpuTrainsOnCpusMinusOneThreadsWithItsDataInProcess() throws Exception {
    Report r = recommend("--trainer", "ultralytics");
    Projection p = pythonCpu(r);
    assertEquals(Math.min(8, Math.max(1, nproc() - 1)), p.settings().threads(), p.settings().why().toString());
    assertEquals(0, p.settings().workers());
    assertEquals("fp32", p.settings().precision());
    assertEquals("serial", p.parts().bound());
    assertEquals(p.parts().stepMs() + p.parts().dataMs(), p.parts().jobStepMs(), 1e-9);
    assertTrue(p.parts().measured().containsAll(List.of("the training step", "the input pipeline", "validation")),
        p.parts().measured().toString());
    holdsItsParts(p);
    JobTiming job = r.jobs().get(0);
    assertTrue(job.data().library().startsWith("PIL") || job.data().library().startsWith("OpenCV"), job.data().library());
    assertEquals("1280x720", job.data().source());
    // the points themselves ran at the trainer's threads
    r.calibrations().stream().filter(c -> c.workload().equals("yolov8n"))
        .forEach(c -> assertEquals(p.settings().threads(), c.threads(), c.toString()));
  }

  @Test
  void statedThreadsAndWorkersAreHonouredAndTheWorkersAreTimedWithTheStep() throws Exception {
    Report r = recommend("--trainer", "torch", "--threads", "2", "--workers", "2");
    Projection p = pythonCpu(r);
    assertEquals(2, p.settings().threads());
    assertEquals(2, p.settings().workers());
    assertEquals("shared", p.parts().bound(), p.parts().toString());
    assertNotNull(r.jobs().get(0).loop(), r.jobs().toString());
    assertEquals(2, r.jobs().get(0).loop().workers());
    holdsItsParts(p);
  }

  @Test
  void theUsersOwnImagesAreReadAndABrokenOneIsNamedNotFatal(@TempDir Path data) throws Exception {
    for (int i = 0; i < 3; i++) {
      BufferedImage img = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
      img.setRGB(i, i, 0xff8800);
      ImageIO.write(img, "jpg", data.resolve("frame" + i + ".jpg").toFile());
    }
    Files.write(data.resolve("broken.jpg"), new byte[] {1, 2, 3, 4});
    Files.writeString(data.resolve("labels.txt"), "0 0.5 0.5 0.1 0.1");
    List<String> before;
    try (var s = Files.list(data)) {
      before = s.map(Path::toString).sorted().toList();
    }
    Report r = recommend("--trainer", "ultralytics", "--data", data.toString());
    JobTiming job = r.jobs().get(0);
    assertEquals("dir:" + data.toAbsolutePath().normalize(), job.data().source());
    assertEquals(1, job.data().skipped().size(), job.data().skipped().toString());
    assertTrue(job.data().skipped().get(0).startsWith("broken.jpg"), job.data().skipped().toString());
    assertNull(job.loop());
    try (var s = Files.list(data)) {
      assertEquals(before, s.map(Path::toString).sorted().toList(), "nothing written into the user's folder");
    }
  }
}
