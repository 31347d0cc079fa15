package dev.envdoctor.fleet.slurm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * srun's and slurmstepd's own lines on stderr, sorted by the node they name ("srun: error: b: task
 * 1: Exited with exit code 3", "... failed on node b: ...", "*** STEP 12.0 ON b CANCELLED AT ...
 * DUE TO TIME LIMIT ***"); the rest (allocation messages) are general. Task-labelled lines (the
 * tasks' own stderr) are not srun's and are left out. Pure.
 */
public final class SrunMessages {

  private static final Pattern TASK_LINE = Pattern.compile("^\\s*\\d+: ");
  /** srun --label (which envdoctor passes) puts "N: " before slurmstepd's own lines too; a timestamp may lead. */
  private static final Pattern LABELLED_SLURM = Pattern.compile("^\\s*\\d+: ((?:srun|slurmstepd): .*)$");
  private static final Pattern STAMPED_ERROR = Pattern.compile("^\\[[^\\]]+\\] (error: \\*\\*\\* .*)$");
  private static final List<Pattern> NODE = List.of(
      Pattern.compile("^srun: error: ([^\\s:]+): tasks? [\\d,-]+: (.*)$"),
      Pattern.compile("^srun: error: .*? on node ([^\\s:,]+)[:,]? ?(.*)$"),
      Pattern.compile("^(?:(?:slurmstepd|srun): )?error: \\*\\*\\* (?:STEP|JOB) \\S+ ON (\\S+) (.*) \\*\\*\\*$"));

  /** Messages by node, and the others. */
  public record Messages(Map<String, List<String>> byNode, List<String> general) {}

  private SrunMessages() {}

  public static Messages parse(String stderr) {
    Map<String, List<String>> byNode = new LinkedHashMap<>();
    List<String> general = new ArrayList<>();
    for (String raw : stderr == null ? new String[0] : stderr.split("\\R")) {
      String line = unwrap(raw);
      if (line.isBlank() || TASK_LINE.matcher(line).find()) {
        continue;
      }
      String node = null;
      for (Pattern p : NODE) {
        Matcher m = p.matcher(line.trim());
        if (m.matches()) {
          node = m.group(1);
          break;
        }
      }
      String text = line.trim().replaceFirst("^(srun|slurmstepd): (error: )?", "").replaceFirst("^error: ", "");
      if (node != null) {
        byNode.computeIfAbsent(node, k -> new ArrayList<>()).add(text);
      } else if (line.startsWith("srun:") || line.startsWith("slurmstepd:")) {
        general.add(text);
      }
    }
    return new Messages(byNode, general);
  }

  /** The line without a --label prefix before srun's or slurmstepd's own text, or a leading timestamp. */
  private static String unwrap(String line) {
    Matcher labelled = LABELLED_SLURM.matcher(line);
    if (labelled.matches()) {
      return labelled.group(1);
    }
    Matcher stamped = STAMPED_ERROR.matcher(line);
    return stamped.matches() ? stamped.group(1) : line;
  }
}
