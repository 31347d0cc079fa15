package dev.envdoctor.fleet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a node's report travels back through the scheduler's output, the only channel a fleet run
 * has (no shared filesystem): the node prints its report between a begin and an end line that name
 * the node, and the end line carries the exit code and the report's SHA-256, so a report cut short
 * (a task killed mid-print) is told from a whole one. Lines may carry a task label ("3: ", srun -l);
 * several nodes' lines may interleave, since each line says its task.
 */
public final class NodeFrames {

  public static final String MARK = "@envdoctor-fleet";
  private static final Pattern LABEL = Pattern.compile("^\\s*(\\d+): ?(.*)$");
  private static final Pattern BEGIN = Pattern.compile("^" + MARK + " begin (\\S+)$");
  private static final Pattern END = Pattern.compile("^" + MARK + " end (\\S+) exit=(-?\\d+) sha256=([0-9a-f]{64})$");
  private static final Pattern PROGRESS = Pattern.compile("^" + MARK + " progress (\\S+) (.*)$");

  /** One node's framed output: the report's text, the node's exit code, whether it arrived whole. */
  public record Frame(String node, String json, Integer exitCode, boolean complete) {}

  private NodeFrames() {}

  /** The lines a node prints on stdout for its report. */
  public static List<String> write(String node, String json, int exitCode) {
    List<String> out = new ArrayList<>();
    out.add(MARK + " begin " + node);
    out.addAll(json.lines().toList());
    out.add(MARK + " end " + node + " exit=" + exitCode + " sha256=" + sha256(json.lines().toList()));
    return out;
  }

  /** A progress line a node prints on stderr. */
  public static String progress(String node, String text) {
    return MARK + " progress " + node + " " + text;
  }

  /** node → message of a progress line (a task label in front is allowed), or null for other lines. */
  public static String[] parseProgress(String line) {
    Matcher l = LABEL.matcher(line);
    String body = l.matches() ? l.group(2) : line;
    Matcher m = PROGRESS.matcher(body);
    return m.matches() ? new String[] {m.group(1), m.group(2)} : null;
  }

  /** Every node's frame in the output, in the order they began; lines outside frames are ignored. */
  public static Map<String, Frame> parse(String stdout) {
    Map<String, String> nodeOfTask = new LinkedHashMap<>();
    Map<String, List<String>> bodies = new LinkedHashMap<>();
    Map<String, Frame> frames = new LinkedHashMap<>();
    for (String raw : stdout.split("\\R", -1)) {
      Matcher l = LABEL.matcher(raw);
      String task = l.matches() ? l.group(1) : "";
      String line = l.matches() ? l.group(2) : raw;
      Matcher b = BEGIN.matcher(line);
      Matcher e = END.matcher(line);
      if (b.matches()) {
        nodeOfTask.put(task, b.group(1));
        bodies.put(b.group(1), new ArrayList<>());
        frames.put(b.group(1), new Frame(b.group(1), null, null, false));
      } else if (e.matches() && bodies.containsKey(e.group(1))) {
        List<String> body = bodies.remove(e.group(1));
        nodeOfTask.remove(task);
        boolean whole = sha256(body).equals(e.group(3));
        frames.put(e.group(1), new Frame(e.group(1), String.join("\n", body), Integer.valueOf(e.group(2)), whole));
      } else if (nodeOfTask.containsKey(task)) {
        bodies.get(nodeOfTask.get(task)).add(line);
      }
    }
    return frames;
  }

  private static String sha256(List<String> lines) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String line : lines) {
        md.update(line.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
