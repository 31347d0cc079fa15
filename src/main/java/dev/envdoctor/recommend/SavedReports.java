package dev.envdoctor.recommend;

import dev.envdoctor.run.RunFailure;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a report saved by envdoctor; anything else is bad input with one line saying why. */
public final class SavedReports {

  private SavedReports() {}

  public static Report read(Path file) {
    String hint = " (pass a report written by `envdoctor doctor` or `envdoctor ... --json`)";
    if (Files.isDirectory(file)) {
      throw RunFailure.badInput("cannot read report " + file + ": it is a directory" + hint);
    }
    Report report;
    try {
      report = ReportJson.read(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw RunFailure.badInput("cannot read report " + file + ": no such file" + hint);
    } catch (IOException | RuntimeException e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw RunFailure.badInput("cannot read report " + file + ": "
          + m.lines().findFirst().orElse(m).replaceAll("\\s+\\(.*$", "") + hint);
    }
    if (report == null || !Report.SCHEMA.equals(report.schema())) {
      throw RunFailure.badInput("cannot read report " + file + ": schema is "
          + (report == null ? "missing" : "'" + report.schema() + "'") + ", expected '" + Report.SCHEMA + "'" + hint);
    }
    return report;
  }
}
