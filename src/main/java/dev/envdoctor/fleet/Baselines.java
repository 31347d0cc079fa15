package dev.envdoctor.fleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A baseline from a known-good fleet: the versions its nodes agree on, each class's median and MAD. */
public final class Baselines {

  private Baselines() {}

  /**
   * Versions: each key's majority value (a key the fleet splits on evenly is left out: there is no
   * good value to pin). Classes: the fleet's, without their points.
   */
  public static Baseline of(FleetReport fleet, String createdAt) {
    Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    for (FleetNode n : fleet.nodes()) {
      if (n.report() == null) {
        continue;
      }
      names.add(n.name());
      n.versions().forEach((k, v) -> counts.computeIfAbsent(k, x -> new LinkedHashMap<>()).merge(v, 1, Integer::sum));
    }
    Map<String, String> versions = new LinkedHashMap<>();
    counts.forEach((key, values) -> {
      int top = values.values().stream().max(Integer::compare).orElse(0);
      List<String> modes = values.entrySet().stream().filter(e -> e.getValue() == top).map(Map.Entry::getKey).toList();
      if (modes.size() == 1) {
        versions.put(key, modes.get(0));
      }
    });
    List<FigureClass> classes = fleet.classes().stream().map(c -> FigureClassBuilder.builder()
        .deviceModel(c.deviceModel()).workload(c.workload()).runtime(c.runtime()).backend(c.backend())
        .nodes(c.nodes()).median(c.median()).mad(c.mad()).reference("baseline").points(List.of())
        .outliers(List.of()).build()).toList();
    return new Baseline(Baseline.SCHEMA, createdAt, names, versions, classes);
  }
}
