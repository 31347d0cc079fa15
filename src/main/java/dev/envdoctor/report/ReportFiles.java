package dev.envdoctor.report;

import dev.envdoctor.model.Report;
import dev.envdoctor.run.AtomicFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files one run writes: {@code <dir>/envdoctor-<time>.{json,md,html}}, named from the report's
 * createdAt, so the console and the doctor summary can name them again from the report alone.
 */
public record ReportFiles(Path json, Path md, Path html) {

  static final List<String> FORMATS = List.of("json", "md", "html");

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  public static ReportFiles named(Path dir, String createdAt) {
    return named(dir, "envdoctor-", createdAt);
  }

  /** @param prefix "envdoctor-", or "envdoctor-race-" for a race's report */
  public static ReportFiles named(Path dir, String prefix, String createdAt) {
    String base = prefix + stamp(createdAt);
    return new ReportFiles(dir.resolve(base + ".json"), dir.resolve(base + ".md"), dir.resolve(base + ".html"));
  }

  public List<Path> all() {
    return List.of(json, md, html);
  }

  /** 20261125T204225Z: sortable, and no colon, which Windows does not allow in a file name. */
  public static String stamp(String createdAt) {
    try {
      return STAMP.format(Instant.parse(createdAt));
    } catch (DateTimeParseException | NullPointerException e) {
      return createdAt == null ? "undated" : createdAt.replaceAll("[^0-9A-Za-z]", "");
    }
  }

  /**
   * Writes every format of the (already redacted, where asked) report under these names, all or
   * none: a full disk leaves no partial report (exit 4, naming the folder).
   */
  public ReportFiles write(Report report) {
    Map<Path, String> files = new LinkedHashMap<>();
    List<Path> paths = all();
    for (int i = 0; i < FORMATS.size(); i++) {
      files.put(paths.get(i), Renderers.byFormat(FORMATS.get(i)).orElseThrow().render(report));
    }
    AtomicFiles.writeAll(files, ", or choose another folder with --out DIR");
    return this;
  }
}
