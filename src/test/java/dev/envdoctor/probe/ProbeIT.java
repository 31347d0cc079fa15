package dev.envdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.testing.ThisMachine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar on this real machine: what {@code probe --json} says must agree with what the
 * system's own tools say (getconf, /proc/meminfo, /etc/os-release, uname, java -version,
 * systemd-detect-virt).
 */
class ProbeIT {

  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static JsonNode report;

  private static CommandResult run(String... argv) {
    return new ProcessRunner().run(CommandSpec.of(Duration.ofSeconds(60), argv));
  }

  private static CommandResult envdoctor(String... args) {
    List<String> argv = new java.util.ArrayList<>(List.of(JAVA, "-jar", System.getProperty("envdoctor.jar")));
    argv.addAll(List.of(args));
    return new ProcessRunner().run(CommandSpec.of(Duration.ofSeconds(60), argv));
  }

  @BeforeAll
  static void probe() throws IOException {
    CommandResult r = envdoctor("probe", "--json");
    assertEquals(0, r.exitCode(), r.stderr());
    report = ReportJson.mapper().readTree(r.stdout());
  }

  @Test
  void isTheReportModel() {
    assertEquals("envdoctor/report/v1", report.path("schema").asText());
    assertEquals("ok", report.path("stages").get(0).path("status").asText());
  }

  @Test
  void logicalCoresAreTheOnlineCpus() {
    assertEquals(ThisMachine.onlineCpus(), report.at("/host/cpu/logicalCores").asInt(), "getconf _NPROCESSORS_ONLN");
  }

  @Test
  void totalMemoryIsMemTotal() throws IOException {
    Matcher m = Pattern.compile("MemTotal:\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc/meminfo")));
    assertTrue(m.find());
    long kib = Long.parseLong(m.group(1));
    long reported = report.at("/host/memory/totalBytes").asLong();
    assertTrue(Math.abs(reported - kib * 1024) < 1024, reported + " vs MemTotal " + kib + " kB");
    assertTrue(report.at("/host/memory/availableBytes").asLong() <= reported);
  }

  @Test
  void osIsWhatOsReleaseAndUnameSay() throws IOException {
    Map<String, String> rel = new HashMap<>();
    for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        rel.put(line.substring(0, eq), line.substring(eq + 1).replace("\"", ""));
      }
    }
    assertEquals("linux", report.at("/host/os/family").asText());
    assertEquals(rel.get("NAME"), report.at("/host/os/name").asText());
    assertEquals(rel.get("VERSION_ID"), report.at("/host/os/version").asText());
    assertEquals(run("uname", "-r").stdout().trim(), report.at("/host/os/kernel").asText());
    assertEquals(run("uname", "-m").stdout().trim(), report.at("/host/os/arch").asText());
  }

  @Test
  void jvmIsTheJavaThatRanIt() {
    CommandResult v = run(JAVA, "-XshowSettings:properties", "-version");
    String settings = v.stderr();
    assertTrue(v.stderr().contains("version \"" + report.at("/jvm/version").asText() + "\""), v.stderr());
    assertTrue(settings.contains("java.vendor = " + report.at("/jvm/vendor").asText()), settings);
    assertTrue(settings.contains("java.home = " + report.at("/jvm/home").asText()), settings);
    assertEquals(run("uname", "-m").stdout().trim(), report.at("/jvm/arch").asText());
    assertFalse(report.at("/jvm/translated").asBoolean());
  }

  @Test
  void virtualizationIsWhatSystemdDetectVirtSays() {
    ThisMachine.assertVmAgrees(report.at("/host/virtualization/vm").textValue());
    ThisMachine.assertContainerAgrees(report.at("/host/virtualization/container").textValue());
  }

  @Test
  void consoleSummaryIsPlainWithoutATerminalAndVerboseAddsDetail() {
    CommandResult plain = envdoctor("probe");
    assertEquals(0, plain.exitCode(), plain.stderr());
    assertTrue(plain.stdout().contains("[✓] CPU: "), plain.stdout());
    String vm = report.at("/host/virtualization/vm").textValue();
    assertEquals(vm != null, plain.stdout().contains("[•] Virtualization: virtual machine (" + vm), plain.stdout());
    assertFalse(plain.stdout().contains("\u001b["), "no colour codes into a pipe");
    assertFalse(plain.stdout().contains("features:"));
    assertNull(nonEmpty(plain.stderr()), "nothing on stderr");
    CommandResult verbose = envdoctor("probe", "-v");
    assertTrue(verbose.stdout().contains("features: "), verbose.stdout());
    assertTrue(verbose.stdout().contains("home: "), verbose.stdout());
  }

  private static String nonEmpty(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
