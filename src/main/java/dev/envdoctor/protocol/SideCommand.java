package dev.envdoctor.protocol;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * One command of the side protocol (docs/side-protocol.md): a verb and its arguments, one line on
 * the side's stdin. The parent formats them here; the Java executor parses them here; the Python
 * executor splits the same line on spaces.
 */
public record SideCommand(String verb, List<String> args) {

  public static final String VERIFY = "verify";
  public static final String CALIBRATE = "calibrate";
  public static final String PROJECT = "project";
  public static final String BURST = "burst";
  public static final String PEAK = "peak";
  public static final String PING = "ping";
  public static final String THREADS = "threads";
  public static final String PIPELINE = "pipeline";
  public static final String VALIDATE = "validate";
  public static final String LOOP = "loop";
  public static final String END = "end";

  public SideCommand {
    args = List.copyOf(args);
  }

  public static SideCommand of(String verb, Object... args) {
    return new SideCommand(verb, Arrays.stream(args).map(String::valueOf).toList());
  }

  public static SideCommand verify(String device) {
    return of(VERIFY, device);
  }

  public static SideCommand calibrate(String device, String workload) {
    return of(CALIBRATE, device, workload);
  }

  public static SideCommand project(String device, String point) {
    return of(PROJECT, device, point);
  }

  /** The point at {@code precision}: fp32, tf32 or amp (the last two CUDA only). */
  public static SideCommand project(String device, String point, String precision) {
    return of(PROJECT, device, point, precision);
  }

  /**
   * {@code images} training images made at {@code imgsz} from {@code source}: JPEGs of WIDTHxHEIGHT
   * made in memory, or a folder's images ({@link #dataSource}, its first {@code images} at most).
   */
  public static SideCommand pipeline(String source, int imgsz, int images) {
    return of(PIPELINE, source, imgsz, images);
  }

  /** The validation forward at {@code point}, whose batch is already the validation batch; {@code precision} as {@link #project}. */
  public static SideCommand validate(String device, String point, String precision) {
    return of(VALIDATE, device, point, precision);
  }

  /**
   * A short training loop at {@code point}: a DataLoader of {@code workers} processes (0: in the
   * side's process) making mosaics from {@code source} (as {@link #pipeline}'s, a folder's first 64
   * images at most), each batch fed to the training step; {@code precision} as {@link #project}.
   */
  public static SideCommand loop(String device, String point, int workers, String source, String precision) {
    return of(LOOP, device, point, workers, source, precision);
  }

  /** The characters Python's {@code urllib.parse.quote} leaves as they are (its default safe "/" included). */
  private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/";

  /**
   * The source {@code dir:PATH} of a folder's images for {@link #pipeline} and {@link #loop}: its
   * absolute path percent-encoded as Python's {@code urllib.parse.quote} does (UTF-8, a space as
   * {@code %20}, {@code /} kept), so that the command stays one line of space-separated words.
   */
  public static String dataSource(Path dir) {
    StringBuilder out = new StringBuilder("dir:");
    for (byte b : dir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && UNRESERVED.indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** {@code seconds} 0: build and warm up the burst's model, time nothing. */
  public static SideCommand burst(String device, String workload, double seconds) {
    return of(BURST, device, workload, seconds);
  }

  /** A burst of a job's network at a point ({@code yolov8n@64x2}) at {@code precision}: fp32, or tf32 and amp on CUDA. */
  public static SideCommand burst(String device, String point, double seconds, String precision) {
    return of(BURST, device, point, seconds, precision);
  }

  public static SideCommand peak(String device) {
    return of(PEAK, device);
  }

  /** {@code n} 0: change nothing, say what is in effect. */
  public static SideCommand threads(int n) {
    return of(THREADS, n);
  }

  public static SideCommand end() {
    return of(END);
  }

  /** A line as the side reads it; blank: null. */
  public static SideCommand parse(String line) {
    String[] words = line == null ? new String[0] : line.strip().split("\\s+");
    if (words.length == 0 || words[0].isEmpty()) {
      return null;
    }
    return new SideCommand(words[0], List.of(words).subList(1, words.length));
  }

  public String arg(int i) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(verb + " needs " + (i + 1) + " argument" + (i == 0 ? "" : "s") + ": " + line());
    }
    return args.get(i);
  }

  /** The line on the side's stdin. */
  public String line() {
    return args.isEmpty() ? verb : verb + " " + String.join(" ", args);
  }

  @Override
  public String toString() {
    return line();
  }
}
