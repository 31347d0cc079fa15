package dev.envdoctor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.envdoctor.run.RunFailure;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Loads a report file a user names; anything wrong with it is one line and exit 2. */
public final class SavedReport {

  private SavedReport() {}

  public static Report load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw RunFailure.badInput("no such report file: " + file + " (doctor writes them under reports/)");
    } catch (IOException | java.io.UncheckedIOException e) {
      throw RunFailure.badInput("cannot read " + file + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
    Report report;
    try {
      report = ReportJson.read(text);
      // the model reads any number; the figures a user compares and renders must be amounts
      ReportFigures.firstBad(ReportJson.mapper().readTree(text), "").ifPresent(bad -> {
        throw RunFailure.badInput(file + ": " + bad + " (a report that envdoctor wrote has none: was it edited?)");
      });
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      throw RunFailure.badInput(file + " is not a JSON report" + (line > 0 ? " (line " + line + ")" : "") + ": "
          + JsonWords.of(e));
    } catch (IOException e) {
      throw RunFailure.badInput("cannot read " + file + ": " + e.getMessage());
    }
    if (report == null || !Report.SCHEMA.equals(report.schema())) {
      throw RunFailure.badInput(file + " is not an envdoctor report: schema is "
          + (report == null || report.schema() == null ? "missing" : "\"" + report.schema() + "\"")
          + ", want \"" + Report.SCHEMA + "\" (write one with: envdoctor doctor)");
    }
    return report;
  }
}
