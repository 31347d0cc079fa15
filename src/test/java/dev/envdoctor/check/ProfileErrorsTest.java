package dev.envdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.run.ExitCode;
import dev.envdoctor.testing.CliHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad profile: exit 2, one line {@code file:line:column: message}, nothing run. */
class ProfileErrorsTest {

  static final String REPORT = "src/test/resources/checks/linux-cpu-docker.json";

  @TempDir
  Path dir;

  static String check(String expect) {
    return "checks:\n  - id: c1\n    title: T\n    severity: fail\n    expect:\n" + expect;
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("malformed YAML", "checks:\n  - id: a\n   title: b\n",
            "3:4: malformed YAML: expected <block end>, but found '<block mapping start>'"),
        Arguments.of("unquoted >=", check("      host.memory.totalBytes: >= 8GiB\n"),
            "6:32: malformed YAML: expected chomping or indentation indicators, but found =(61) (quote comparisons: \">= 16GiB\", \"!= ok\")"),
        Arguments.of("unquoted !=", check("      jvm.arch: != x\n"),
            "6:17: YAML tag '!=' is not supported; quote comparisons: \"!= ok\", \">= 16GiB\""),
        Arguments.of("unknown top key", "chekcs: []\n",
            "1:1: unknown key 'chekcs' in a profile; did you mean 'checks'? (valid keys: description, include, workload, checks)"),
        Arguments.of("unknown check key", "checks:\n  - id: a\n    title: b\n    severty: fail\n",
            "4:5: unknown key 'severty' in a check; did you mean 'severity'? (valid keys: id, title, severity, when, expect, fix)"),
        Arguments.of("unknown fact path", check("      host.memory.availabelBytes: \">= 1GiB\"\n"),
            "6:7: unknown fact path 'host.memory.availabelBytes'; did you mean 'host.memory.availableBytes'?"),
        Arguments.of("path missing its root", check("      memory.totalBytes: \">= 1GiB\"\n"),
            "6:7: unknown fact path 'memory.totalBytes'; did you mean 'host.memory.totalBytes'?"),
        Arguments.of("unknown selector field", check("      devices[runtim=native].verified: true\n"),
            "6:7: unknown field 'runtim' in selector of 'devices'; did you mean 'runtime'? (fields: runtime, backend, device, name, verified, maxAbsError, tolerance, diagnosis, fix)"),
        Arguments.of("wrong type: boolean for a number", check("      host.memory.totalBytes: true\n"),
            "6:31: wrong type: 'host.memory.totalBytes' is a size in bytes, not a boolean"),
        Arguments.of("wrong type: text for a boolean", check("      jvm.translated: nope\n"),
            "6:23: wrong type: 'jvm.translated' is a boolean; write true or false, not 'nope'"),
        Arguments.of("wrong type: checks not a list", "checks: yes\n",
            "1:9: wrong type: checks must be a list of checks (each starting with '- id:'), found a boolean ('yes')"),
        Arguments.of("bad unit", check("      host.memory.totalBytes: \">= 16GHz\"\n"),
            "6:31: bad unit 'GHz' in '16GHz': the fact is a size in bytes; use B, KB, MB, GB, TB, KiB, MiB, GiB, TiB or no unit (for 'host.memory.totalBytes')"),
        Arguments.of("not a number", check("      host.cpu.logicalCores: \">= many\"\n"),
            "6:30: 'many' is not a number (write it without a unit) (for 'host.cpu.logicalCores')"),
        Arguments.of("bad regex", check("      jvm.vendor: { matches: \"(Temurin\" }\n"),
            "6:30: bad regex '(Temurin': Unclosed group at index 8"),
        Arguments.of("not a version", check("      python.torch.version: \">= two\"\n"),
            "6:29: '>= two': text compares by >= as a version, and 'two' is not one (write e.g. \">= 2.1\")"),
        Arguments.of("bad severity", "checks:\n  - id: a\n    title: b\n    severity: fatal\n    expect: {jvm.translated: false}\n",
            "4:15: bad severity 'fatal': use fail, warn or info"),
        Arguments.of("duplicate key", "checks: []\nchecks: []\n",
            "2:1: duplicate key 'checks' (first at line 1)"),
        Arguments.of("duplicate check id", check("      jvm.translated: false\n") + "  - id: c1\n    title: U\n    severity: warn\n    expect: {jvm.translated: false}\n",
            "7:5: duplicate check id 'c1' (first at line 2)"),
        Arguments.of("quantifier on a single value", check("      any(jvm.version): \">= 17\"\n"),
            "6:7: any(...) needs a path through a list, and 'jvm.version' is a single value"),
        Arguments.of("unknown os", "checks:\n  - id: a\n    title: b\n    severity: warn\n    when: {os: darwin}\n    expect: {jvm.translated: false}\n",
            "5:16: unknown os 'darwin': use linux, macos or windows"),
        Arguments.of("YAML alias", "checks:\n  - &c {id: a, title: b, severity: warn, expect: {jvm.translated: false}}\n  - *c\n",
            "3:5: YAML aliases (*c) are not supported; write the value out"),
        Arguments.of("empty profile", "", "1:1: the profile is empty; it needs at least 'checks:' or 'include:'"),
        Arguments.of("missing include", "include: [nosuch]\n",
            "1:11: missing include 'nosuch': no nosuch.yaml next to "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badProfileExitsTwoWithFileLineColumn(String name, String yaml, String expected) throws IOException {
    Path file = dir.resolve("p.yaml");
    Files.writeString(file, yaml);
    var r = new CliHarness().run("check", "--profile", file.toString(), "--from", REPORT);
    assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
    assertEquals("", r.out());
    String line = r.err().strip();
    assertEquals(1, r.err().strip().lines().count(), r.err());
    String prefix = "envdoctor: " + file + ":";
    assertEquals(prefix + expected, line.length() > prefix.length() + expected.length() ? line.substring(0, prefix.length() + expected.length()) : line);
    assertFalse(r.err().contains("\tat "), "no stack trace");
  }

  @Test
  void includeCycleNamesTheChain() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), "include: [b]\n");
    Files.writeString(dir.resolve("b.yaml"), "checks: []\ninclude:\n  - a\n");
    var r = new CliHarness().run("check", "--profile", dir.resolve("a.yaml").toString(), "--from", REPORT);
    assertEquals(ExitCode.USAGE, r.exitCode());
    String a = dir.resolve("a.yaml").toString();
    String b = dir.resolve("b.yaml").toString();
    assertEquals("envdoctor: " + b + ":3:5: include cycle: " + a + " -> " + b + " -> " + a, r.err().strip());
  }

  @Test
  void errorInAnIncludedProfileNamesThatFile() throws IOException {
    Files.writeString(dir.resolve("top.yaml"), "include: [./base.yaml]\n");
    Files.writeString(dir.resolve("base.yaml"), check("      host.os.familly: linux\n"));
    var r = new CliHarness().run("check", "--profile", dir.resolve("top.yaml").toString(), "--from", REPORT);
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertEquals("envdoctor: " + dir.resolve("base.yaml") + ":6:7: unknown fact path 'host.os.familly'; did you mean 'host.os.family'?",
        r.err().strip());
  }

  @Test
  void missingProfileSaysWhereItLooked() {
    var r = new CliHarness().run("check", "--profile", "nosuch", "--from", REPORT);
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertEquals("envdoctor: profile 'nosuch' not found: no file 'nosuch', no checks/nosuch.yaml in "
        + Path.of("").toAbsolutePath() + ", and no bundled profile of that name (bundled: default, apple-silicon, nvidia-linux, yolov8m-69k)",
        r.err().strip());
  }

  @Test
  void missingProfileFile() {
    var r = new CliHarness().run("check", "--profile", "no/such.yaml", "--from", REPORT);
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertEquals("envdoctor: profile 'no/such.yaml' not found: no such file " + Path.of("no/such.yaml").toAbsolutePath(), r.err().strip());
  }

  /** Validation happens in prepare: without --from the probe would run, and still nothing does. */
  @Test
  void badProfileStopsDoctorBeforeAnyStage() throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "checks: [\n");
    var r = new CliHarness().run("doctor", "--profile", file.toString(), "--json");
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertEquals("", r.out(), "no stage ran, so no report was printed");
    assertEquals(true, r.err().startsWith("envdoctor: " + file + ":2:1: malformed YAML"), r.err());
  }

  @Test
  void unreadableReportIsBadInput() throws IOException {
    Path file = dir.resolve("r.json");
    Files.writeString(file, "{ not json");
    var r = new CliHarness().run("check", "--from", file.toString());
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertEquals(true, r.err().startsWith("envdoctor: cannot read report " + file + ": "), r.err());
    Files.writeString(file, "{\"hello\": 1}");
    r = new CliHarness().run("check", "--from", file.toString());
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertTrue(r.err().startsWith("envdoctor: cannot read report " + file + ": schema is "), r.err());
    r = new CliHarness().run("check", "--from", dir.resolve("nosuch.json").toString());
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertTrue(r.err().startsWith("envdoctor: cannot read report " + dir.resolve("nosuch.json") + ": no such file"), r.err());
  }
}
