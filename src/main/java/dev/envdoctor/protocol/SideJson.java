package dev.envdoctor.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.envdoctor.model.ReportJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The JSON of the side protocol: the report model's mapper (unknown fields ignored), written compact, one line per answer. */
public final class SideJson {

  private static final ObjectMapper MAPPER = ReportJson.mapper();
  private static final ObjectWriter COMPACT = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

  private SideJson() {}

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

  /** The protocol the first JSON value on a side's stdout claims, whatever else it holds. */
  public static Optional<String> claimedProtocol(String stdout) {
    try {
      var node = mapper().readTree(stdout == null ? "" : stdout.strip());
      return node != null && node.has("protocol") ? Optional.of(node.get("protocol").asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
