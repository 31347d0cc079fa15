package dev.envdoctor.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped examples' structure (no Kubernetes cluster runs here): the manifests parsed with
 * Jackson's YAML, the fields Kubernetes needs for what they claim; the node-problem-detector
 * config; the slurm.conf lines. HealthIT runs the two scripts for real.
 */
class ExamplesTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static JsonNode yaml(String file) throws Exception {
    return YAML.readTree(Files.readString(Path.of("examples", file)));
  }

  @Test
  void theIndexedJobRunsOnePodPerNodeAndPrintsFramedReports() throws Exception {
    JsonNode job = yaml("kubernetes/envdoctor-fleet-job.yaml");
    assertEquals("batch/v1", job.get("apiVersion").asText());
    assertEquals("Job", job.get("kind").asText());
    JsonNode spec = job.get("spec");
    assertEquals("Indexed", spec.get("completionMode").asText());
    assertEquals(spec.get("completions").asInt(), spec.get("parallelism").asInt(), "all pods at once");
    JsonNode pod = spec.at("/template/spec");
    assertEquals("Never", pod.get("restartPolicy").asText());
    JsonNode anti = pod.at("/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/0");
    assertEquals("kubernetes.io/hostname", anti.get("topologyKey").asText(), "one pod per node");
    assertEquals(spec.at("/template/metadata/labels").get("envdoctor/role"), anti.at("/labelSelector/matchLabels").get("envdoctor/role"),
        "the anti-affinity selects the Job's own pods");
    JsonNode c = pod.at("/containers/0");
    List<String> cmd = YAML.convertValue(c.get("command"), List.class);
    assertEquals(List.of("envdoctor", "fleet", "node", "--name", "$(NODE_NAME)"), cmd.subList(0, 5));
    assertEquals("spec.nodeName", c.at("/env/0/valueFrom/fieldRef/fieldPath").asText(), "the report is named after the node");
    assertEquals("NODE_NAME", c.at("/env/0/name").asText());
  }

  @Test
  void theDaemonSetSelectsItsOwnPodsAndKeepsReportsOnTheNode() throws Exception {
    JsonNode ds = yaml("kubernetes/envdoctor-daemonset.yaml");
    assertEquals("apps/v1", ds.get("apiVersion").asText());
    assertEquals("DaemonSet", ds.get("kind").asText());
    assertEquals(ds.at("/spec/selector/matchLabels"), ds.at("/spec/template/metadata/labels"));
    JsonNode c = ds.at("/spec/template/spec/containers/0");
    String script = c.at("/args/0").asText();
    assertTrue(script.contains("envdoctor doctor") && script.contains("envdoctor health"), script);
    String mount = c.at("/volumeMounts/0/mountPath").asText();
    assertTrue(script.contains("--out " + mount), "doctor writes where the hostPath is mounted");
    assertEquals(c.at("/volumeMounts/0/name"), ds.at("/spec/template/spec/volumes/0/name"));
    assertTrue(ds.at("/spec/template/spec/volumes/0/hostPath/path").isTextual());
    assertEquals("ENVDOCTOR_HOST_ROOT", c.at("/env/0/name").asText());
    assertEquals("/host", c.at("/env/0/value").asText(), "the probe reads the node's files where they are mounted");
    java.util.Map<String, String> hostMounts = new java.util.TreeMap<>();
    for (JsonNode m : c.get("volumeMounts")) {
      if (m.get("mountPath").asText().startsWith("/host/")) {
        assertTrue(m.path("readOnly").asBoolean(), m.toString());
        for (JsonNode v : ds.at("/spec/template/spec/volumes")) {
          if (v.get("name").equals(m.get("name"))) {
            hostMounts.put(m.get("mountPath").asText(), v.at("/hostPath/path").asText());
          }
        }
      }
    }
    assertEquals(java.util.Map.of("/host/proc", "/proc", "/host/sys", "/sys", "/host/etc/os-release", "/etc/os-release"),
        hostMounts, "each of the node's files under /host at its own path");
  }

  @Test
  void theNodeProblemDetectorConfigIsACustomPluginWithinSlurmsMinute() throws Exception {
    JsonNode npd = new ObjectMapper().readTree(Files.readString(Path.of("examples/node-problem-detector/envdoctor-plugin.json")));
    assertEquals("custom", npd.get("plugin").asText());
    JsonNode rule = npd.at("/rules/0");
    assertEquals(npd.at("/conditions/0/type"), rule.get("condition"), "the rule sets the declared condition");
    assertEquals("permanent", rule.get("type").asText());
    assertTrue(rule.get("path").asText().endsWith("envdoctor-npd"));
    assertTrue(Files.isExecutable(Path.of("examples/node-problem-detector/envdoctor-npd")));
    assertEquals("60s", npd.at("/pluginConfig/timeout").asText());
    assertTrue(npd.at("/pluginConfig/max_output_length").asInt() >= 200);
  }

  @Test
  void theSlurmLinesNameTheShippedProgram() throws Exception {
    Map<String, String> conf = new HashMap<>();
    for (String line : Files.readAllLines(Path.of("examples/slurm/slurm.conf.lines"))) {
      if (!line.startsWith("#") && line.contains("=")) {
        conf.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
      }
    }
    assertTrue(conf.get("HealthCheckProgram").endsWith("/envdoctor-healthcheck"));
    assertTrue(Integer.parseInt(conf.get("HealthCheckInterval")) >= 60);
    assertTrue(Files.isExecutable(Path.of("examples/slurm/envdoctor-healthcheck")));
    assertTrue(Files.readString(Path.of("examples/slurm/envdoctor-healthcheck")).contains("--slurm-drain"));
  }
}
