package dev.envdoctor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Personal data and secrets planted into a report: each seed is a line as a tool would print it,
 * with the part that must never reach a shared report. Every string field of the report gets one
 * seed (in turn) and every list of strings gets all of them.
 */
final class Seeds {

  /** The identity of the machine the seeded report claims to come from. */
  static final Identity IDENTITY = new Identity(Set.of("dana"), Set.of("mbp-dana.corp.example"));

  record Seed(String kind, String line, String secret) {}

  static final List<Seed> ALL = List.of(
      new Seed("user-name", "logged in as dana since Monday", "dana"),
      new Seed("home-path", "venv at /Users/kowalski/venvs/train/bin/python", "kowalski"),
      new Seed("home-path", "cache C:\\Users\\mwright\\AppData\\Local\\envdoctor", "mwright"),
      new Seed("host-name", "Name: mbp-dana.corp.example", "mbp-dana"),
      new Seed("host-name", "ssh dana@mbp-dana failed", "mbp-dana"),
      new Seed("serial-number", "Serial Number (system): C02XL0XXJGH5", "C02XL0XXJGH5"),
      new Seed("serial-number", "    Serial Number                         : 1650721012345", "1650721012345"),
      new Seed("hardware-uuid", "Hardware UUID: 3F2504E0-4F89-11D3-9A0C-0305E82C3301", "3F2504E0-4F89"),
      new Seed("gpu-uuid", "GPU 0: NVIDIA GeForce RTX 4090 (UUID: GPU-5a4b1c2d-1111-2222-3333-444455556666)", "5a4b1c2d-1111"),
      new Seed("mac-address", "ether 3c:22:fb:12:34:56 txqueuelen 1000", "3c:22:fb:12:34:56"),
      new Seed("mac-address", "Physical Address. . . : A4-83-E7-0B-1C-2D", "A4-83-E7-0B-1C-2D"),
      new Seed("ip-address", "inet 192.168.1.23 netmask 255.255.255.0", "192.168.1.23"),
      new Seed("ip-address", "dial tcp 10.8.0.5:2376: connect: connection refused", "10.8.0.5"),
      new Seed("ip-address", "inet6 fe80::1c2b:3cff:fe4d:5e6f prefixlen 64", "fe80::1c2b"),
      new Seed("ip-address", "nameserver 2001:db8:85a3::8a2e:370:7334", "2001:db8:85a3"),
      new Seed("secret-variable", "WANDB_API_KEY=0123456789abcdef0123456789abcdef01234567", "0123456789abcdef0123456789abcdef01234567"),
      new Seed("secret-variable", "export AWS_SECRET_ACCESS_KEY='wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'", "wJalrXUtnFEMI"),
      new Seed("secret-variable", "DB_PASSWORD=hunter2hunter2", "hunter2hunter2"),
      new Seed("secret-variable", "MY_CREDENTIALS: s3cr3t-value", "s3cr3t-value"),
      new Seed("secret-variable", "curl -H 'Authorization: Bearer abc.def.ghi123'", "abc.def.ghi123"),
      new Seed("huggingface-token", "HF_TOKEN=hf_abcdefghijklmnopqrstuvwxyzABCDEF12", "hf_abcdefghij"),
      new Seed("huggingface-token", "login with hf_ZYXWVUTSRQPONMLKJIHGFEDCBA987654 worked", "hf_ZYXWVUTS"),
      new Seed("aws-access-key", "key id AKIAIOSFODNN7EXAMPLE in ~/.aws", "AKIAIOSFODNN7EXAMPLE"),
      new Seed("github-token", "remote uses ghp_16C7e42F292c6912E7710c838347Ae178B4a", "ghp_16C7e42F"),
      new Seed("jwt", "cookie eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
          "eyJhbGciOiJIUzI1NiIs"),
      new Seed("url-password", "pull from https://alice:pa55word@registry.corp.example/v2/", "pa55word"),
      new Seed("url-password", "same registry user", "alice:"),
      new Seed("high-entropy-string", "session Xk9pQ2mN7vR4tY8wZ3bC6dF1gH5jK0lLa", "Xk9pQ2mN7vR4tY8wZ3bC6dF1gH5jK0lLa"));

  private static final Set<String> WORDS = Set.of("schema", "status", "backend", "confidence", "comparedBackend",
      "userBackend", "slowBackend");

  private Seeds() {}

  /** The secrets a seeded report must not show once redacted (the url user "alice" too). */
  static List<String> secrets() {
    List<String> s = new ArrayList<>(ALL.stream().map(Seed::secret).toList());
    s.add("alice");
    return s;
  }

  static Report into(Report clean) {
    ObjectNode tree = ReportJson.mapper().valueToTree(clean);
    plant(tree, new int[1]);
    try {
      return ReportJson.mapper().treeToValue(tree, Report.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void plant(JsonNode node, int[] next) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        var e = it.next();
        if (WORDS.contains(e.getKey())) {
          continue; // the schema's name, statuses, backends, confidence: words of a closed set, no text of the machine's
        }
        if (e.getValue().isTextual()) {
          e.setValue(TextNode.valueOf(e.getValue().asText() + " " + ALL.get(next[0]++ % ALL.size()).line()));
        } else {
          plant(e.getValue(), next);
        }
      }
    } else if (node.isArray()) {
      ArrayNode a = (ArrayNode) node;
      boolean strings = a.size() > 0 && a.get(0).isTextual();
      if (strings) {
        ALL.forEach(s -> a.add(s.line()));
      } else {
        a.forEach(child -> plant(child, next));
      }
    }
  }
}
