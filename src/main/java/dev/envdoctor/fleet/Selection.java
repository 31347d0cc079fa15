package dev.envdoctor.fleet;

import java.util.List;

/**
 * Which nodes a fleet run asks for and on what terms: a partition (null: the default one), at most
 * this many nodes (null: all), an explicit node list (scheduler syntax, e.g. {@code gpu[01-04]}),
 * the job's time limit (scheduler syntax, e.g. {@code 30} or {@code 1:00:00}) and account.
 */
public record Selection(String partition, Integer nodes, String nodelist, String time, String account) {

  public static Selection all() {
    return new Selection(null, null, null, null, null);
  }

  public List<String> describe() {
    return java.util.stream.Stream.of(partition == null ? null : "partition " + partition,
        nodelist == null ? null : "nodes " + nodelist, nodes == null ? null : "at most " + nodes + " nodes")
        .filter(java.util.Objects::nonNull).toList();
  }
}
