package dev.envdoctor.report;

import dev.envdoctor.model.Race;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import dev.envdoctor.recommend.Format;

/** The race's table, one row per side, for every format that shows it (md, html). */
final class RaceRows {

  static final List<String> HEADER = List.of("side", "image", "runs (s)", "median (s)", "full job", "exit", "status");

  private RaceRows() {}

  static List<List<String>> rows(Race race) {
    List<List<String>> rows = new ArrayList<>();
    for (Race.RaceSide s : race.sides()) {
      String image = s.image() == null ? "" : s.image() + (s.arch() == null ? "" : " (" + s.arch()
          + (Boolean.TRUE.equals(s.emulated()) ? ", emulated" : "") + ")");
      rows.add(List.of(s.runtime(), image,
          s.wallSeconds().stream().map(w -> String.format(Locale.ROOT, "%.2f", w)).collect(Collectors.joining(", ")),
          s.medianSeconds() == null ? "" : String.format(Locale.ROOT, "%.2f", s.medianSeconds()),
          s.projectedHours() == null ? "" : Format.hours(s.projectedHours()),
          s.exitCode() == null ? "" : s.exitCode().toString(), Fmt.text(s.status())));
    }
    return rows;
  }

  static void markdown(StringBuilder md, Race race) {
    if (race == null) {
      return;
    }
    md.append("**Race:** `").append(MarkdownRenderer.inline(String.join(" ", race.command()))).append("`")
        .append(race.until() == null ? "" : ", each run timed to the first line matching `"
            + MarkdownRenderer.inline(race.until()) + "`").append("\n\n");
    md.append("| ").append(String.join(" | ", HEADER)).append(" |\n|")
        .append("---|".repeat(HEADER.size())).append('\n');
    for (List<String> row : rows(race)) {
      md.append("| ").append(row.stream().map(MarkdownRenderer::inline).map(c -> c.replace("|", "\\|"))
          .collect(Collectors.joining(" | "))).append(" |\n");
    }
    md.append('\n');
    for (Race.RaceSide s : race.sides()) {
      if (!s.lastLines().isEmpty()) {
        md.append("Last lines of ").append(s.runtime()).append(":\n\n```\n")
            .append(String.join("\n", s.lastLines())).append("\n```\n\n");
      }
    }
    race.notes().forEach(n -> md.append("- ").append(MarkdownRenderer.inline(n)).append('\n'));
    md.append(race.notes().isEmpty() ? "" : "\n");
  }
}
