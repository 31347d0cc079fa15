package dev.envdoctor.fleet.slurm;

import dev.envdoctor.fleet.NodeStatus;
import dev.envdoctor.fleet.SchedulerNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code sinfo -h -N -o '%N|%T|%c|%E'} (node, long state, CPUs, reason) and
 * {@code sinfo -h -o '%P'} (partitions, the default one marked with *; more '|' fields may follow). Pure: text in, records out.
 */
public final class SinfoNodes {

  /** The format the parser reads; the fields are separated by '|', which node names never contain. */
  public static final String FORMAT = "%N|%T|%c|%E";

  /** A node with its CPU count, which the task asks for so that calibration gets the whole node. */
  public record Node(SchedulerNode node, Integer cpus) {}

  private SinfoNodes() {}

  /** One entry per node (a node in several partitions is listed once), in sinfo's order. */
  public static List<Node> parse(String text) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    for (String line : text == null ? new String[0] : text.split("\\R")) {
      String[] f = line.trim().split("\\|", 4);
      if (f.length < 2 || f[0].isBlank()) {
        continue;
      }
      String reason = f.length > 3 && !f[3].isBlank() && !"none".equalsIgnoreCase(f[3].trim()) ? f[3].trim() : null;
      Integer cpus = f.length > 2 && f[2].trim().matches("\\d+") ? Integer.valueOf(f[2].trim()) : null;
      String state = f[1].trim();
      nodes.putIfAbsent(f[0].trim(), new Node(new SchedulerNode(f[0].trim(), state, reason, availability(state)), cpus));
    }
    return new ArrayList<>(nodes.values());
  }

  /**
   * What a state means for a task: null (it can run one), DOWN, DRAIN or UNREACHABLE. A trailing
   * '*' is Slurm's "not responding"; '~' is powered off; DOWN wins over DRAIN ("down+drain"), and a
   * node that is only draining (still running jobs) counts as drain: it takes no new task.
   */
  public static NodeStatus availability(String state) {
    String s = state.toLowerCase(Locale.ROOT);
    if (s.startsWith("down") || s.startsWith("fail") || s.startsWith("inval") || s.contains("~")
        || s.startsWith("power_down") || s.startsWith("powered_down")) {
      return NodeStatus.DOWN;
    }
    if (s.startsWith("drain") || s.contains("+drain")) {
      return NodeStatus.DRAIN;
    }
    if (s.endsWith("*") || s.startsWith("unk") || s.startsWith("future") || s.startsWith("no_respond")) {
      return NodeStatus.UNREACHABLE;
    }
    return null;
  }

  /** The default partition in {@code sinfo -h -o '%P'} output (the one marked '*'), or null. */
  public static String defaultPartition(String text) {
    for (String line : text == null ? new String[0] : text.split("\\R")) {
      String p = line.split("\\|")[0].trim();
      if (p.endsWith("*")) {
        return p.substring(0, p.length() - 1);
      }
    }
    return null;
  }
}
