package dev.envdoctor.check.load;

import dev.envdoctor.check.model.Check;
import dev.envdoctor.check.model.Profile;
import dev.envdoctor.model.Recommendation.Workload;
import dev.envdoctor.model.RecommendationWorkloadBuilder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads a profile with its includes into one {@link Profile}. Everything a profile says is
 * checked here, before any stage runs: a profile that loads can be evaluated on any report.
 * The only exception it throws is {@link ProfileException}.
 */
public final class ProfileLoader {

  private static final Set<String> TOP_KEYS = new LinkedHashSet<>(List.of("description", "include", "workload", "checks"));
  private static final Set<String> WORKLOAD_KEYS = new LinkedHashSet<>(List.of("name", "model", "epochs", "images", "imgsz", "batch", "gflops",
      "trainer", "threads", "workers", "precision", "valImages", "sourceSize", "data"));

  private final ProfileLocator locator;

  public ProfileLoader(ProfileLocator locator) {
    this.locator = locator;
  }

  /** Loads the profile a user named: a file, checks/NAME.yaml, or a bundled one. */
  public Profile load(String ref) {
    return load(locator.top(ref));
  }

  public Profile load(ProfileSource source) {
    try {
      return load(source, new ArrayDeque<>());
    } catch (ProfileException e) {
      throw e;
    } catch (RuntimeException e) {
      // A bug of ours must still read as a located line, never as a stack trace.
      throw new ProfileException(Location.start(source.display()), "cannot load the profile: " + e);
    }
  }

  private Profile load(ProfileSource source, Deque<ProfileSource> chain) {
    chain.push(source);
    YamlNode.MapNode top = Nodes.map(YamlTree.parse(source.display(), source.text()), "a profile");
    Nodes.onlyKeys(top, TOP_KEYS, "a profile");
    Map<String, Check> checks = new LinkedHashMap<>();
    Workload workload = null;
    YamlNode.Entry include = top.entries().get("include");
    if (include != null) {
      for (YamlNode item : Nodes.oneOrMany(include.value())) {
        Profile included = load(included(item, source, chain), chain);
        included.checks().forEach(c -> checks.put(c.id(), c));
        workload = included.workload() != null ? included.workload() : workload;
      }
    }
    if (top.entries().containsKey("workload")) {
      workload = workload(top.entries().get("workload").value());
    }
    YamlNode.Entry list = top.entries().get("checks");
    if (list == null && include == null) {
      throw new ProfileException(top.location(), "a profile needs 'checks:' or 'include:'");
    }
    if (list != null) {
      readChecks(list.value(), source, checks);
    }
    String description = top.entries().containsKey("description") ? Nodes.text(top.entries().get("description").value(), "description").strip() : null;
    chain.pop();
    return new Profile(source.name(), source.display(), description, workload, new ArrayList<>(checks.values()));
  }

  private ProfileSource included(YamlNode item, ProfileSource from, Deque<ProfileSource> chain) {
    String ref = Nodes.text(item, "each include");
    ProfileSource found = locator.find(ref, from).orElseThrow(() -> new ProfileException(item.location(),
        "missing include '" + ref + "': no " + (ref.endsWith(".yaml") || ref.contains("/") ? "file " + ref : ref + ".yaml")
            + " next to " + from.display() + ", in checks/ or bundled (bundled: " + String.join(", ", ProfileLocator.BUNDLED) + ")"));
    for (ProfileSource s : chain) {
      if (s.id().equals(found.id())) {
        List<ProfileSource> path = new ArrayList<>(chain);
        java.util.Collections.reverse(path);
        String cycle = path.stream().map(ProfileSource::display).collect(Collectors.joining(" -> "));
        throw new ProfileException(item.location(), "include cycle: " + cycle + " -> " + found.display());
      }
    }
    return found;
  }

  private static void readChecks(YamlNode node, ProfileSource source, Map<String, Check> checks) {
    if (!(node instanceof YamlNode.ListNode list)) {
      throw Nodes.wrongType(node, "checks", "a list of checks (each starting with '- id:')");
    }
    Map<String, Location> seen = new LinkedHashMap<>();
    CheckReader reader = new CheckReader();
    for (YamlNode item : list.items()) {
      Check check = reader.read(item, source.name());
      Location first = seen.putIfAbsent(check.id(), check.location());
      if (first != null) {
        throw new ProfileException(check.location(), "duplicate check id '" + check.id() + "' (first at line " + first.line() + ")");
      }
      checks.put(check.id(), check);
    }
  }

  private static Workload workload(YamlNode node) {
    YamlNode.MapNode map = Nodes.map(node, "workload");
    Nodes.onlyKeys(map, WORKLOAD_KEYS, "workload");
    Map<String, YamlNode> v = new LinkedHashMap<>();
    map.entries().forEach((k, e) -> v.put(k, e.value()));
    for (String key : List.of("epochs", "images", "imgsz", "batch")) {
      if (!v.containsKey(key)) {
        throw new ProfileException(map.location(), "workload needs '" + key + ":'");
      }
    }
    String name = v.containsKey("name") ? Nodes.text(v.get("name"), "workload name") : null;
    String model = v.containsKey("model") ? Nodes.text(v.get("model"), "workload model") : null;
    Double gflops = v.containsKey("gflops") ? Nodes.positive(v.get("gflops"), "gflops") : null;
    // The verdict resolves the model's FLOPs (and their source) from its table; a profile states only what it knows.
    return RecommendationWorkloadBuilder.builder().name(name).epochs(small(v.get("epochs"), "epochs"))
        .images(Nodes.integer(v.get("images"), "images")).imgsz(small(v.get("imgsz"), "imgsz"))
        .batch(small(v.get("batch"), "batch")).model(model).forwardGflops(gflops)
        .trainer(v.containsKey("trainer") ? Nodes.text(v.get("trainer"), "workload trainer") : null)
        .threads(v.containsKey("threads") ? small(v.get("threads"), "threads") : null)
        .workers(v.containsKey("workers") ? small(v.get("workers"), "workers") : null)
        .precision(v.containsKey("precision") ? Nodes.text(v.get("precision"), "workload precision") : null)
        .valImages(v.containsKey("valImages") ? Nodes.integer(v.get("valImages"), "valImages") : null)
        .sourceSize(v.containsKey("sourceSize") ? Nodes.text(v.get("sourceSize"), "workload sourceSize") : null)
        .data(v.containsKey("data") ? Nodes.text(v.get("data"), "workload data") : null).build();
  }

  private static int small(YamlNode node, String what) {
    long n = Nodes.integer(node, what);
    if (n > Integer.MAX_VALUE) {
      throw Nodes.wrongType(node, what, "a whole number below 2^31");
    }
    return (int) n;
  }
}
