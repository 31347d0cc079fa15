package dev.envdoctor.protocol;

import dev.envdoctor.protocol.WorkerOutput;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Engine;
import dev.envdoctor.model.ReportJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The worker's side channel on stderr: one line per finished result and per step of progress, each
 * starting with {@link #PREFIX}. The parent reads them live (progress bar) and, when the child dies
 * before its final document, recovers the results that were already complete from them. The final
 * {@link WorkerOutput} on stdout stays the contract; these lines are a best-effort copy.
 */
public final class WorkerEvents {

  public static final String PREFIX = "@envdoctor ";
  /** The line a worker prints when it has verified and waits for its turn to calibrate (a line on stdin). */
  public static final String GATE = GateLines.SIGNAL;

  /** The report model's mapper (unknown fields ignored); written compact: a document is one line. */
  private static final ObjectMapper MAPPER = ReportJson.mapper();
  private static final ObjectWriter COMPACT = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

  /** What one event line carries. */
  public enum Kind { PROGRESS, ENGINE, DEVICE, CALIBRATION }

  /** A parsed event; exactly one of the payloads is set, per kind. */
  public record Event(Kind kind, String progress, Engine engine, DeviceResult device, Calibration calibration) {}

  private WorkerEvents() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String json(Object value) {
    try {
      return COMPACT.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String progress(String text) {
    return PREFIX + "progress " + text;
  }

  public static String engine(Engine e) {
    return PREFIX + "engine " + json(e);
  }

  public static String device(DeviceResult d) {
    return PREFIX + "device " + json(d);
  }

  public static String calibration(Calibration c) {
    return PREFIX + "calibration " + json(c);
  }

  /** Parses one stderr line; empty for an ordinary line or a malformed event. */
  public static Optional<Event> parse(String line) {
    if (line == null || !line.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = line.substring(PREFIX.length());
    int space = rest.indexOf(' ');
    String kind = space < 0 ? rest : rest.substring(0, space);
    String body = space < 0 ? "" : rest.substring(space + 1);
    try {
      return switch (kind) {
        case "progress" -> Optional.of(new Event(Kind.PROGRESS, body, null, null, null));
        case "engine" -> Optional.of(new Event(Kind.ENGINE, null, MAPPER.readValue(body, Engine.class), null, null));
        case "device" -> Optional.of(new Event(Kind.DEVICE, null, null, MAPPER.readValue(body, DeviceResult.class), null));
        case "calibration" -> Optional.of(new Event(Kind.CALIBRATION, null, null, null,
            MAPPER.readValue(body, Calibration.class)));
        default -> Optional.empty();
      };
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The protocol a document on a side's stdout claims, whatever else it holds. */
  public static Optional<String> claimedProtocol(String stdout) {
    try {
      var node = mapper().readTree(stdout == null ? "" : stdout.strip());
      return node != null && node.has("protocol") ? Optional.of(node.get("protocol").asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
