package dev.envdoctor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.envdoctor.model.Redaction;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Removes personal data and secrets from a report: a pure transformation over the report's JSON
 * tree, so every string field is covered, the ones added after this class was written included
 * (stderr tails, diagnoses, notes). The result records which kinds it removed in
 * {@code redaction}. Redacting twice changes nothing more.
 */
public final class Redactor {

  private static final Map<String, String> PLACEHOLDERS = Map.of("secret-variable", RedactionRules.SECRET,
      "serial-number", "<serial>", "hardware-uuid", "<uuid>", "host-name", "<host>", "mac-address", "<mac>");

  private final Identity identity;

  /**
   * The report as it may leave the machine: redacted for the user running envdoctor (env: their
   * environment), or with --no-redact as it is, marked unredacted when it carries no redaction
   * record yet (a saved report keeps its own record: it may have been redacted when written). The
   * one place report files, {@code report} and {@code check --junit} decide it.
   */
  public static Report forSharing(Report report, java.util.Map<String, String> env, boolean noRedact) {
    if (noRedact) {
      return report.redaction() != null ? report : report.withRedaction(new Redaction(false, List.of()));
    }
    return new Redactor(Identity.current(env)).redact(report);
  }

  public Redactor(Identity identity) {
    this.identity = identity;
  }

  public Report redact(Report report) {
    ObjectNode tree = ReportJson.mapper().valueToTree(report);
    tree.remove("redaction");
    Set<String> users = new LinkedHashSet<>(identity.userNames());
    strings(tree, s -> RedactionRules.learnUsers(s, users));
    List<RedactionRules.Rule> rules = RedactionRules.forNames(
        users.stream().filter(Identity::worthRemoving).toList(), Identity.withShortNames(identity.hostNames()));
    Set<String> kinds = new TreeSet<>();
    if (report.redaction() != null && report.redaction().applied()) {
      kinds.addAll(report.redaction().kinds());
    }
    JsonNode clean = walk(tree, rules, kinds);
    try {
      Report out = ReportJson.mapper().treeToValue(clean, Report.class);
      return out.withRedaction(new Redaction(true, new ArrayList<>(kinds)));
    } catch (JsonProcessingException e) {
      // the tree came from a Report and only strings changed: it always maps back
      throw new IllegalStateException("redacted report does not map back", e);
    }
  }

  /** One line outside a report (a file name on the console), redacted with this identity's names. */
  public String text(String line) {
    Set<String> users = new LinkedHashSet<>(identity.userNames());
    RedactionRules.learnUsers(line, users);
    return RedactionRules.apply(RedactionRules.forNames(users.stream().filter(Identity::worthRemoving).toList(),
        Identity.withShortNames(identity.hostNames())), line, new TreeSet<>());
  }

  private static JsonNode walk(JsonNode node, List<RedactionRules.Rule> rules, Set<String> kinds) {
    if (node.isTextual()) {
      return TextNode.valueOf(RedactionRules.apply(rules, node.asText(), kinds));
    }
    if (node.isArray()) {
      ArrayNode a = (ArrayNode) node;
      for (int i = 0; i < a.size(); i++) {
        a.set(i, walk(a.get(i), rules, kinds));
      }
    } else if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String kind = kindByFieldName(e.getKey());
        if (kind != null && e.getValue().isTextual() && !e.getValue().asText().isEmpty()) {
          kinds.add(kind);
          e.setValue(TextNode.valueOf(PLACEHOLDERS.get(kind)));
        } else if (!e.getKey().equals("schema")) {
          e.setValue(walk(e.getValue(), rules, kinds));
        }
      }
    }
    return node;
  }

  /** A field whose name alone says its value is personal or secret, whatever the value looks like. */
  static String kindByFieldName(String name) {
    Set<String> words = new LinkedHashSet<>(List.of(name.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .toLowerCase(Locale.ROOT).split("[_.\\-\\s]+")));
    if (words.stream().anyMatch(w -> Set.of("token", "secret", "password", "passwd", "credential", "credentials",
        "apikey", "auth").contains(w)) || name.equalsIgnoreCase("api_key") || name.equalsIgnoreCase("apiKey")) {
      return "secret-variable";
    }
    if (words.contains("serial")) {
      return "serial-number";
    }
    if (words.contains("uuid") || words.contains("udid")) {
      return "hardware-uuid";
    }
    if (name.equalsIgnoreCase("hostname") || name.equalsIgnoreCase("host_name") || name.equals("hostName")) {
      return "host-name";
    }
    if (name.equalsIgnoreCase("mac") || name.equalsIgnoreCase("macAddress") || name.equalsIgnoreCase("mac_address")) {
      return "mac-address";
    }
    return null;
  }

  private static void strings(JsonNode node, java.util.function.Consumer<String> each) {
    if (node.isTextual()) {
      each.accept(node.asText());
    }
    node.forEach(child -> strings(child, each));
  }
}
