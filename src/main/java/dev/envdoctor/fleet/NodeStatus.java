package dev.envdoctor.fleet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A node's status in a fleet report, in order of how bad it is. ok, warn and fail come from the
 * node's own report (and the fleet's drift and outlier findings); the others say why there is no
 * report: the scheduler holds the node down or drained, it could not be reached, or its task hung.
 */
public enum NodeStatus {
  OK, WARN, FAIL, DOWN, DRAIN, UNREACHABLE, TIMEOUT;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static NodeStatus of(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT));
  }

  /** No report came back from this node: it counts as missing. */
  public boolean missing() {
    return ordinal() >= DOWN.ordinal();
  }

  /** The worse of two statuses. */
  public NodeStatus worst(NodeStatus other) {
    return other != null && other.ordinal() > ordinal() ? other : this;
  }
}
