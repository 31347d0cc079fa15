package dev.envdoctor.recommend;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.EarlierPoint;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The projection points earlier runs timed on this machine (docs/calibration.md, "Pooled over
 * runs"): one JSON line per point in {@code points-history.jsonl} under envdoctor's own folder, with
 * the host and the stack (envdoctor's version; for a native Python side its interpreter and torch)
 * that timed it. The verdict pools a run's points with the earlier ones in the same settings; a run
 * whose rows are contended adds none. Never a reason to fail: a file that cannot be read or written
 * means this run stands alone.
 */
public final class PointHistory {

  private static final Logger LOG = LoggerFactory.getLogger(PointHistory.class);

  /** The file's name under envdoctor's folder. */
  public static final String FILE = "points-history.jsonl";

  /** {@code ENVDOCTOR_HISTORY=off}: neither pool nor keep (the tests' setting; --no-history does the same). */
  public static final String ENV = "ENVDOCTOR_HISTORY";

  /** How old an earlier point may be: a week of a machine's drift, not last season's setup. */
  static final Duration MAX_AGE = Duration.ofDays(7);

  /** Lines past which the file is cut to its newest {@link #KEEP}. */
  static final int MOST_LINES = 4000;
  static final int KEEP = 2000;

  /** One line of the file. */
  record Line(String host, String stack, EarlierPoint point) {}

  private final Path file;
  private final String host;

  PointHistory(Path file, String host) {
    this.file = file;
    this.host = host;
  }

  /** The history of this machine under envdoctor's folder as {@code env} names it, or null where off or no folder is known. */
  static PointHistory of(Map<String, String> env) {
    if ("off".equalsIgnoreCase(env.getOrDefault(ENV, ""))) {
      return null;
    }
    Path home = dev.envdoctor.Paths.home(env);
    return home == null ? null : new PointHistory(home.resolve(FILE), hostName());
  }

  /** The earlier points of this host timed in the settings of one of {@code report}'s projection points, within {@link #MAX_AGE}. */
  List<EarlierPoint> earlier(Report report, Instant now) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    List<Calibration> points = points(report);
    List<EarlierPoint> out = new ArrayList<>();
    ObjectMapper json = ReportJson.mapper();
    try {
      for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        Line line = parse(json, text);
        if (line == null || line.point() == null || !host.equals(line.host()) || !fresh(line.point(), now)) {
          continue;
        }
        EarlierPoint e = line.point();
        if (points.stream().anyMatch(c -> e.sameAs(c) && Objects.equals(stack(report, c), line.stack()))) {
          out.add(e);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.info("earlier runs' points not read from {}: {}", file, e.toString());
      return List.of();
    }
    return out;
  }

  /** Adds this run's projection points, taken at {@code at}; cuts the file to its newest lines when it has grown long. */
  void keep(Report report, String at) {
    List<Calibration> points = points(report);
    if (points.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    for (Calibration c : points) {
      text.append(ReportJson.write(new Line(host, stack(report, c), EarlierPoint.of(at, c))).replace('\n', ' ')).append('\n');
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (all.size() > MOST_LINES) {
        Path tmp = Files.createTempFile(file.getParent(), FILE, ".tmp");
        try {
          Files.write(tmp, all.subList(all.size() - KEEP, all.size()), StandardCharsets.UTF_8);
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.info("this run's points not kept in {}: {}", file, e.toString());
    }
  }

  /** A run's projection points that timed: the networks envdoctor builds, at the sizes the projection fits through. */
  static List<Calibration> points(Report report) {
    return report.calibrations().stream().filter(Projections::isProjectionCalibration)
        .filter(c -> c.diagnosis() == null && c.medianMs() != null && c.medianMs() > 0).toList();
  }

  /**
   * What else must match for two runs' points to pool: envdoctor's version (the step's code, the
   * worker image), and for the native Python side the interpreter and its torch.
   */
  static String stack(Report report, Calibration c) {
    String tool = report.tool() == null ? "?" : report.tool().version();
    if (c.backend() == Backend.PYTHON && "native".equals(c.runtime()) && report.python() != null) {
      var p = report.python();
      return "envdoctor " + tool + "; " + p.executable() + " torch " + (p.torch() == null ? "?" : p.torch().version());
    }
    return "envdoctor " + tool;
  }

  private static boolean fresh(EarlierPoint e, Instant now) {
    try {
      Instant at = Instant.parse(e.at());
      return !at.isAfter(now) && Duration.between(at, now).compareTo(MAX_AGE) <= 0;
    } catch (RuntimeException bad) {
      return false;
    }
  }

  private static Line parse(ObjectMapper json, String text) {
    try {
      return text.isBlank() ? null : json.readValue(text, Line.class);
    } catch (IOException | RuntimeException e) {
      return null; // a torn or foreign line: skipped
    }
  }

  /** This machine's name: the kernel's, else the resolver's. */
  static String hostName() {
    try {
      Path k = Path.of("/proc/sys/kernel/hostname");
      if (Files.isReadable(k)) {
        return Files.readString(k).trim();
      }
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException | RuntimeException e) {
      return "localhost";
    }
  }
}
