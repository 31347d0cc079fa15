package dev.envdoctor.check.load;

import dev.envdoctor.check.model.Check;
import dev.envdoctor.check.model.Expectation;
import dev.envdoctor.check.model.Severity;
import dev.envdoctor.check.model.When;
import dev.envdoctor.check.path.BadPathException;
import dev.envdoctor.check.path.FactSchema;
import dev.envdoctor.check.path.Nearest;
import dev.envdoctor.check.path.PathParser;
import dev.envdoctor.check.path.ResolvedPath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one entry of {@code checks:} into a {@link Check}, validating every key, path and value. */
final class CheckReader {

  private static final Set<String> CHECK_KEYS = keys("id", "title", "severity", "when", "expect", "fix");
  private static final Set<String> WHEN_KEYS = keys("os", "arch", "exists", "facts");
  private static final Set<String> OS = keys("linux", "macos", "windows");
  private static final Map<String, String> ARCH = Map.of("arm64", "arm64", "aarch64", "arm64",
      "x86_64", "x86_64", "amd64", "x86_64");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final PathParser paths = new PathParser(FactSchema.report());

  private static Set<String> keys(String... k) {
    return new LinkedHashSet<>(List.of(k));
  }

  Check read(YamlNode node, String profile) {
    YamlNode.MapNode map = Nodes.map(node, "each check");
    Nodes.onlyKeys(map, CHECK_KEYS, "a check");
    YamlNode idNode = Nodes.required(map, "id", "a check").value();
    String id = Nodes.text(idNode, "id");
    if (!ID.matcher(id).matches()) {
      throw new ProfileException(idNode.location(), "bad check id '" + id + "': use letters, digits, '.', '-' and '_'");
    }
    String where = "check '" + id + "'";
    String title = Nodes.text(Nodes.required(map, "title", where).value(), "title");
    Severity severity = severity(Nodes.required(map, "severity", where).value());
    When when = map.entries().containsKey("when") ? when(map.entries().get("when").value()) : When.ALWAYS;
    YamlNode.Entry expect = Nodes.required(map, "expect", where);
    List<Expectation> expectations = expectations(expect.value(), "expect");
    if (expectations.isEmpty()) {
      throw new ProfileException(expect.value().location(), where + ": 'expect:' is empty; name at least one fact");
    }
    String fix = map.entries().containsKey("fix") ? Nodes.text(map.entries().get("fix").value(), "fix").strip() : null;
    return new Check(id, title.strip(), severity, when, expectations, fix, profile, map.location());
  }

  private static Severity severity(YamlNode node) {
    String text = Nodes.text(node, "severity");
    try {
      return Severity.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ProfileException(node.location(), "bad severity '" + text + "': use fail, warn or info"
          + Nearest.hint(text, List.of("fail", "warn", "info")));
    }
  }

  private When when(YamlNode node) {
    YamlNode.MapNode map = Nodes.map(node, "when");
    Nodes.onlyKeys(map, WHEN_KEYS, "when");
    List<String> os = new ArrayList<>();
    List<String> arch = new ArrayList<>();
    List<ResolvedPath> exists = new ArrayList<>();
    List<Expectation> facts = new ArrayList<>();
    for (YamlNode.Entry e : map.entries().values()) {
      switch (e.key()) {
        case "os" -> {
          for (YamlNode item : Nodes.oneOrMany(e.value())) {
            String v = Nodes.text(item, "os").toLowerCase(Locale.ROOT);
            if (!OS.contains(v)) {
              throw new ProfileException(item.location(), "unknown os '" + v + "': use linux, macos or windows" + Nearest.hint(v, OS));
            }
            os.add(v);
          }
        }
        case "arch" -> {
          for (YamlNode item : Nodes.oneOrMany(e.value())) {
            String v = Nodes.text(item, "arch").toLowerCase(Locale.ROOT);
            if (!ARCH.containsKey(v)) {
              throw new ProfileException(item.location(), "unknown arch '" + v + "': use arm64 or x86_64" + Nearest.hint(v, ARCH.keySet()));
            }
            arch.add(ARCH.get(v));
          }
        }
        case "exists" -> {
          for (YamlNode item : Nodes.oneOrMany(e.value())) {
            exists.add(path(Nodes.text(item, "exists"), item.location()));
          }
        }
        default -> facts.addAll(expectations(e.value(), "when.facts"));
      }
    }
    return new When(os, arch, exists, facts);
  }

  private List<Expectation> expectations(YamlNode node, String what) {
    YamlNode.MapNode map = Nodes.map(node, what);
    List<Expectation> out = new ArrayList<>();
    for (YamlNode.Entry e : map.entries().values()) {
      ResolvedPath path = path(e.key(), e.keyLocation());
      out.add(new Expectation(path, MatcherReader.read(e.value(), path), MatcherReader.dimension(path), e.keyLocation()));
    }
    return out;
  }

  private ResolvedPath path(String text, Location at) {
    try {
      return paths.resolve(text);
    } catch (BadPathException e) {
      throw new ProfileException(at, e.getMessage());
    }
  }
}
