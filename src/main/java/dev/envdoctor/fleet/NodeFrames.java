package dev.envdoctor.fleet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How a node's report travels back through the scheduler's output, the only channel a fleet run
 * has (no shared filesystem is assumed): the node prints a begin line, its report gzipped and in
 * base64 chunks of {@value #CHUNK} characters, one line each naming the node, and an end line with
 * the exit code and the report's SHA-256. Short lines because schedulers cut long ones (srun of
 * Slurm 22.05 splits a line past 1024 bytes, and a pretty-printed report has such lines); every
 * line names its node, so lines of several nodes may interleave in any order between nodes, and a
 * stray line of a node's stdout never lands inside a report. A report cut short or cut up fails the
 * checksum. The first framing (the report's own lines between begin and end, no encoding) still
 * reads, for logs saved by earlier versions.
 */
public final class NodeFrames {

  public static final String MARK = "@envdoctor-fleet";
  /** Base64 characters per data line: the line stays far under any scheduler's cut (1024 in srun). */
  static final int CHUNK = 512;
  private static final String ENCODING = "gzip+base64";
  private static final Pattern LABEL = Pattern.compile("^\\s*(\\d+): ?(.*)$");
  private static final Pattern BEGIN = Pattern.compile("^" + MARK + " begin (\\S+)(?: (" + Pattern.quote(ENCODING) + "))?$");
  private static final Pattern DATA = Pattern.compile("^" + MARK + " data (\\S+) ([A-Za-z0-9+/=]*)$");
  private static final Pattern END = Pattern.compile("^" + MARK + " end (\\S+) exit=(-?\\d+) sha256=([0-9a-f]{64})$");
  private static final Pattern PROGRESS = Pattern.compile("^" + MARK + " progress (\\S+) (.*)$");

  /** One node's framed output: the report's text (null unless whole), the node's exit code, whether it arrived whole. */
  public record Frame(String node, String json, Integer exitCode, boolean complete) {}

  private NodeFrames() {}

  /** The lines a node prints on stdout for its report. */
  public static List<String> write(String node, String json, int exitCode) {
    String b64 = Base64.getEncoder().encodeToString(gzip(json.getBytes(StandardCharsets.UTF_8)));
    List<String> out = new ArrayList<>();
    out.add(MARK + " begin " + node + " " + ENCODING);
    for (int i = 0; i < b64.length(); i += CHUNK) {
      out.add(MARK + " data " + node + " " + b64.substring(i, Math.min(b64.length(), i + CHUNK)));
    }
    out.add(MARK + " end " + node + " exit=" + exitCode + " sha256=" + sha256(json.getBytes(StandardCharsets.UTF_8)));
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

  /** A frame being read: encoded (data lines by node) or the first framing (the task's lines). */
  private record Open(boolean encoded, StringBuilder data, List<String> lines) {}

  /** Every node's frame in the output, in the order they began; lines outside frames are ignored. */
  public static Map<String, Frame> parse(String stdout) {
    Map<String, String> plainNodeOfTask = new LinkedHashMap<>();
    Map<String, Open> open = new LinkedHashMap<>();
    Map<String, Frame> frames = new LinkedHashMap<>();
    for (String raw : stdout.split("\\R", -1)) {
      Matcher l = LABEL.matcher(raw);
      String task = l.matches() ? l.group(1) : "";
      String line = l.matches() ? l.group(2) : raw;
      Matcher b = BEGIN.matcher(line);
      Matcher d = DATA.matcher(line);
      Matcher e = END.matcher(line);
      if (b.matches()) {
        boolean encoded = b.group(2) != null;
        open.put(b.group(1), new Open(encoded, new StringBuilder(), new ArrayList<>()));
        if (!encoded) {
          plainNodeOfTask.put(task, b.group(1));
        }
        frames.put(b.group(1), new Frame(b.group(1), null, null, false));
      } else if (d.matches() && open.containsKey(d.group(1)) && open.get(d.group(1)).encoded()) {
        open.get(d.group(1)).data().append(d.group(2));
      } else if (e.matches() && open.containsKey(e.group(1))) {
        Open o = open.remove(e.group(1));
        plainNodeOfTask.values().remove(e.group(1));
        String json = o.encoded() ? decode(o.data().toString()) : String.join("\n", o.lines());
        byte[] hashed = json == null ? null : o.encoded() ? json.getBytes(StandardCharsets.UTF_8) : linesBytes(o.lines());
        boolean whole = hashed != null && sha256(hashed).equals(e.group(3));
        frames.put(e.group(1), new Frame(e.group(1), whole ? json : null, Integer.valueOf(e.group(2)), whole));
      } else if (plainNodeOfTask.containsKey(task)) {
        open.get(plainNodeOfTask.get(task)).lines().add(line);
      }
    }
    return frames;
  }

  /** The report's text, or null when the data does not decode (a chunk lost or cut). */
  private static String decode(String b64) {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(b64)))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] gzip(byte[] bytes) {
    var buf = new ByteArrayOutputStream();
    try (var z = new GZIPOutputStream(buf)) {
      z.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip in memory", e);
    }
    return buf.toByteArray();
  }

  /** The first framing's checksum: each line and a newline. */
  private static byte[] linesBytes(List<String> lines) {
    var buf = new ByteArrayOutputStream();
    for (String line : lines) {
      buf.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      buf.write('\n');
    }
    return buf.toByteArray();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
