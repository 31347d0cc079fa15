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
  private static final List<Pattern> NODE = List.of(
      Pattern.compile("^srun: error: ([^\\s:]+): task \\d+: (.*)$"),
      Pattern.compile("^srun: error: .*? on node ([^\\s:,]+)[:,]? ?(.*)$"),
      Pattern.compile("^(?:slurmstepd|srun): error: \\*\\*\\* (?:STEP|JOB) \\S+ ON (\\S+) (.*) \\*\\*\\*$"));

  /** Messages by node, and the others. */
  public record Messages(Map<String, List<String>> byNode, List<String> general) {}

  private SrunMessages() {}

  public static Messages parse(String stderr) {
    Map<String, List<String>> byNode = new LinkedHashMap<>();
    List<String> general = new ArrayList<>();
    for (String line : stderr == null ? new String[0] : stderr.split("\\R")) {
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
      String text = line.trim().replaceFirst("^(srun|slurmstepd): (error: )?", "");
      if (node != null) {
        byNode.computeIfAbsent(node, k -> new ArrayList<>()).add(text);
      } else if (line.startsWith("srun:") || line.startsWith("slurmstepd:")) {
        general.add(text);
      }
    }
    return new Messages(byNode, general);
  }
}
