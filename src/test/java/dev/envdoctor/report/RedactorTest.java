package dev.envdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

  private final Redactor redactor = new Redactor(Seeds.IDENTITY);

  @ParameterizedTest
  @ValueSource(strings = {"json", "md", "html", "junit"})
  void noSeededSecretOrPersonalDataReachesAnyFormat(String format) {
    for (Report clean : List.of(Fixtures.mac(), Fixtures.linux())) {
      Report seeded = Seeds.into(clean);
      String before = Renderers.byFormat(format).orElseThrow().render(seeded);
      String after = Renderers.byFormat(format).orElseThrow().render(redactor.redact(seeded));
      // json and md show every field; html and junit a selection, but seeds reach them too
      boolean everyField = format.equals("json") || format.equals("md");
      long reached = Seeds.secrets().stream().filter(before::contains).count();
      assertTrue(everyField ? reached == Seeds.secrets().size() : reached > 0, format + " shows " + reached + " seeds");
      for (String secret : Seeds.secrets()) {
        assertFalse(after.toLowerCase().contains(secret.toLowerCase()), format + " still shows " + secret);
      }
    }
  }

  @Test
  void theSummaryNamesEveryKindRemovedAndOnlyThose() {
    Report r = redactor.redact(Seeds.into(Fixtures.mac()));
    Set<String> want = new TreeSet<>();
    Seeds.ALL.forEach(s -> want.add(s.kind()));
    assertTrue(r.redaction().applied());
    assertEquals(want, new TreeSet<>(r.redaction().kinds()));
    Report nothing = new Redactor(Identity.none()).redact(Fixtures.empty());
    assertTrue(nothing.redaction().applied());
    assertEquals(List.of(), nothing.redaction().kinds());
  }

  @Test
  void everyStringFieldIsCoveredIncludingStderrTailsAndDiagnoses() {
    DeviceResult d = redactor.redact(Seeds.into(Fixtures.mac())).devices().get(4);
    assertTrue(d.stderrTail().size() > Seeds.ALL.size(), d.stderrTail().toString());
    for (String line : d.stderrTail()) {
      for (String secret : Seeds.secrets()) {
        assertFalse(line.contains(secret), line);
      }
    }
    assertTrue(d.diagnosis().startsWith("Docker on macOS runs Linux in a VM without Metal"), d.diagnosis());
  }

  @Test
  void redactingTwiceChangesNothingMore() {
    Report once = redactor.redact(Seeds.into(Fixtures.linux()));
    Report twice = redactor.redact(once);
    assertEquals(ReportJson.write(once), ReportJson.write(twice));
  }

  @Test
  void theSummaryIsRenderedInMarkdownAndHtml() {
    Report r = redactor.redact(Seeds.into(Fixtures.mac()));
    String line = "redacted: " + String.join(", ", r.redaction().kinds());
    assertTrue(Renderers.byFormat("md").orElseThrow().render(r).contains(line), line);
    assertTrue(Renderers.byFormat("html").orElseThrow().render(r).contains(line), line);
    assertTrue(Renderers.byFormat("md").orElseThrow().render(Fixtures.mac()).contains("not redacted"));
  }

  @Test
  void versionsPathsAndSymbolsAreNotMistakenForSecrets() {
    List<String> keep = List.of("torch 2.7.1", "CUDA 12.8", "driver 550.90.07", "JDK 17.0.11", "kernel 6.5.0-41-generic",
        "Darwin 23.5.0", "2.3.1+cu121", "DJL 0.36.0 / pytorch-jni 2.7.1-0.36.0", "Windows 10.0.19045.4529",
        "Ubuntu 22.04.4 LTS", "/usr/lib/jvm/java-17-openjdk-amd64/bin/java", "cuda:0", "docker/djl/cpu",
        "undefined symbol: _ZNK3c106SymInt6sym_neERKS0_", "terminate called after throwing an instance of 'c10::Error'",
        "std::vector<at::Tensor>", "2026-11-25T20:42:25.123Z took 20:42:25", "netmask 255.255.255.0", "127.0.0.1:8080",
        "sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945",
        "/Users/Shared/datasets", "compute capability 8.9 with 16384 cores", "pytorch-native-cpu-2.7.1-linux-x86_64.jar",
        "ai.djl.engine.EngineException: MPS backend is not available", "Docker Desktop 4.30.0 (149282)",
        "batch 32 imgsz 640 epochs 50", "token_count is fine", "max_tokens 4096", "the keyboard layout", "monkey=see",
        "ip 1.2.3", "a 12:30 meeting", "see https://docs.example.org/home/getting-started", "ab:cd", "PYTORCH_LIBRARY_PATH=/opt/torch/lib", "LC_ALL=C");
    Set<String> kinds = new TreeSet<>();
    List<String> changed = new ArrayList<>();
    var rules = RedactionRules.forNames(List.of("dana"), Identity.withShortNames(Set.of("mbp-dana.local")));
    for (String s : keep) {
      String out = RedactionRules.apply(rules, s, kinds);
      if (!out.equals(s)) {
        changed.add(s + " -> " + out);
      }
    }
    assertEquals(List.of(), changed);
  }

  @Test
  void homePathsOfEveryPlatformGo() {
    Set<String> kinds = new TreeSet<>();
    var rules = RedactionRules.forNames(List.of(), Set.of());
    assertEquals("PATH=/usr/bin:/home/<user>/bin /var/home/<user>/x /Users/<user>/venv C:\\Users\\<user>\\AppData C:/Users/<user>/x",
        RedactionRules.apply(rules, "PATH=/usr/bin:/home/dana/bin /var/home/zoe/x /Users/kim/venv C:\\Users\\mwright\\AppData C:/Users/lee/x", kinds));
    assertEquals(Set.of("home-path"), kinds);
  }

  @Test
  void commonAccountNamesAreNotRedactedAsWords() {
    Identity id = new Identity(Set.of("root", "ubuntu", "ab"), Set.of("localhost", "debian"));
    assertEquals(Set.of(), id.userNames());
    assertEquals(Set.of(), id.hostNames());
    Report r = new Redactor(id).redact(Fixtures.linux());
    assertTrue(r.host().os().name().startsWith("Ubuntu 22.04"), r.host().os().name());
  }

  @Test
  void userNamesLearnedFromHomePathsAreRemovedEverywhere() {
    Report r = new Redactor(Identity.none()).redact(Fixtures.linux());
    String json = ReportJson.write(r);
    assertFalse(json.contains("dana"), "dana is learned from /home/dana and removed from 'dana is in the docker group'");
    assertTrue(json.contains("/home/<user>/miniconda3/envs/train/bin/python"), json);
    assertTrue(r.redaction().kinds().containsAll(List.of("home-path", "user-name")), r.redaction().kinds().toString());
  }

  @Test
  void fieldsNamedLikeSecretsOrIdsAreRemovedWhateverTheirValue() {
    assertEquals("secret-variable", Redactor.kindByFieldName("apiToken"));
    assertEquals("secret-variable", Redactor.kindByFieldName("HF_TOKEN"));
    assertEquals("serial-number", Redactor.kindByFieldName("serialNumber"));
    assertEquals("hardware-uuid", Redactor.kindByFieldName("uuid"));
    assertEquals("host-name", Redactor.kindByFieldName("hostname"));
    assertEquals("mac-address", Redactor.kindByFieldName("macAddress"));
    for (String field : List.of("maxAbsError", "machine", "keyboard", "author", "tokensPerSecond", "stepTimesMs", "hosts")) {
      assertEquals(null, Redactor.kindByFieldName(field), field);
    }
  }
}
