package dev.envdoctor.race;

import dev.envdoctor.model.Race;
import dev.envdoctor.model.RaceOutcome;
import dev.envdoctor.run.Console;
import java.util.Locale;
import java.util.stream.Collectors;
import dev.envdoctor.recommend.Format;

/** The race on the console: the verdict first, one line per side, the notes, where the output went. */
public final class RaceView {

  private RaceView() {}

  public static void print(Race race, Console c) {
    Console.Mark mark = race.decision() == RaceOutcome.FAILED ? Console.Mark.FAIL
        : race.decision() == RaceOutcome.UNDECIDED ? Console.Mark.WARN : Console.Mark.OK;
    c.mark(mark, "Race: " + race.verdict());
    for (Race.RaceSide s : race.sides()) {
      if (s.wallSeconds().isEmpty() && s.lastLines().isEmpty()) {
        continue;
      }
      String runs = s.wallSeconds().stream().map(w -> String.format(Locale.ROOT, "%.2f", w))
          .collect(Collectors.joining(", "));
      String who = s.image() == null ? s.runtime() : s.runtime() + " (" + s.image() + (s.arch() == null ? "" : ", "
          + s.arch() + (Boolean.TRUE.equals(s.emulated()) ? ", emulated" : "")) + ")";
      c.detail(who + ": " + (runs.isEmpty() ? "no timed run" : runs + " s")
          + (s.medianSeconds() == null ? "" : String.format(Locale.ROOT, " (median %.2f s)", s.medianSeconds()))
          + (s.projectedHours() == null ? "" : " · full job " + Format.hours(s.projectedHours())));
      s.lastLines().forEach(l -> c.detail("  | " + l));
    }
    race.notes().forEach(n -> c.detail(Console.Mark.INFO, n));
    if (race.log() != null) {
      c.mark(Console.Mark.INFO, "The command's own output: " + race.log());
    }
  }

}
