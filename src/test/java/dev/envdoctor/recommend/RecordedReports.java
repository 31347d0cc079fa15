package dev.envdoctor.recommend;

import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The constructed report fixtures under src/test/resources/reports (see SOURCES.md there). */
public final class RecordedReports {

  public static final String MAC_M4_DOCKER_DESKTOP = "mac-m4-docker-desktop.json";
  public static final String LINUX_NVIDIA_TOOLKIT = "linux-nvidia-toolkit.json";
  public static final String LINUX_CPU_ONLY = "linux-cpu-only.json";
  public static final String LINUX_NO_RUNTIME = "linux-no-runtime.json";
  public static final String MAC_ROSETTA_JVM = "mac-rosetta-jvm.json";

  public static final List<String> ALL = List.of(MAC_M4_DOCKER_DESKTOP, LINUX_NVIDIA_TOOLKIT,
      LINUX_CPU_ONLY, LINUX_NO_RUNTIME, MAC_ROSETTA_JVM);

  private RecordedReports() {}

  public static String text(String name) {
    try (InputStream in = RecordedReports.class.getResourceAsStream("/reports/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture /reports/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Report load(String name) {
    try {
      return ReportJson.read(text(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The calibration as if every step took {@code factor} times as long. */
  public static Calibration slower(Calibration c, double factor) {
    return new Calibration(c.runtime(), c.backend(), c.device(), c.workload(), c.batch(), c.imgsz(), c.warmupSteps(),
        c.steps(), c.medianMs() * factor, c.p10Ms() * factor, c.p90Ms() * factor, c.cv(), c.samplesPerSecond() / factor,
        c.achievedGflops() / factor, c.flopsPerStep(), c.threads(), c.wallMs() * factor,
        c.stepTimesMs().stream().map(x -> x * factor).toList(), c.diagnosis());
  }
}
