package dev.envdoctor.check;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.envdoctor.check.eval.Evaluator;
import dev.envdoctor.check.load.ProfileException;
import dev.envdoctor.check.load.ProfileLoader;
import dev.envdoctor.check.load.ProfileLocator;
import dev.envdoctor.check.load.ProfileSource;
import dev.envdoctor.check.model.Profile;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Mutations of the shipped profiles (deleted, duplicated and inserted characters, swapped lines,
 * values replaced by other YAML types, truncations): the loader either loads the result or throws
 * its own error with a file:line:column; nothing else escapes, and what loads evaluates without
 * throwing.
 */
class ProfileFuzzTest {

  private static final String[] VALUES = {"true", "12", "-1", "1e400", "[]", "{}", "\"x\"", "~", "'", "\"", "[", "{",
      "!!int x", "&a", "*a", ">", "|", "\">= 9ZB\"", "\">= \"", "{ matches: \"(\" }", "{ oneOf: [] }", "{ exists: 3 }",
      "devices[", "any(host)", "count(jvm.version)", "\"x\": y", "- z", "@", "`", "%", "\t"};
  private static final String NOISE = ":-[]{}#&*!|>'\"%@` \t\n,=().";
  private static final Pattern LOCATED = Pattern.compile("^fuzz-\\d+\\.yaml:\\d+:\\d+: \\S.*", Pattern.DOTALL);

  @Test
  void hundredsOfMalformedProfilesFailOnlyWithLocatedErrors() throws Exception {
    Path checks = Path.of("checks").toAbsolutePath();
    Report report = ReportJson.read(Path.of("src/test/resources/checks/mac-m2-docker-desktop.json"));
    ProfileLoader loader = new ProfileLoader(new ProfileLocator(Path.of("")));
    Random random = new Random(20261125);
    int inputs = 0;
    int errors = 0;
    for (String name : ProfileLocator.BUNDLED) {
      String original = Files.readString(checks.resolve(name + ".yaml"));
      for (int i = 0; i < 250; i++) {
        String mutated = mutate(original, random, 1 + random.nextInt(3));
        String display = "fuzz-" + inputs + ".yaml";
        inputs++;
        try {
          Profile p = loader.load(new ProfileSource("fuzz:" + inputs, name, display, checks, mutated));
          Evaluator.evaluate(p, report).forEach(r -> assertNotNull(r.status(), r.id()));
        } catch (ProfileException e) {
          errors++;
          if (!LOCATED.matcher(e.getMessage()).matches()) {
            fail("unlocated error for input " + display + ": " + e.getMessage() + "\n---\n" + mutated);
          }
          assertTrue(e.getMessage().lines().count() == 1, "one line: " + e.getMessage());
        } catch (Throwable t) {
          throw new AssertionError("escaped the loader on input " + display + ":\n" + mutated, t);
        }
      }
    }
    assertTrue(inputs >= 1000, "inputs: " + inputs);
    assertTrue(errors > inputs / 3, "most mutations are errors: " + errors + " of " + inputs);
  }

  static String mutate(String text, Random r, int times) {
    String s = text;
    for (int k = 0; k < times && !s.isEmpty(); k++) {
      int at = r.nextInt(s.length());
      switch (r.nextInt(7)) {
        case 0 -> s = s.substring(0, at) + s.substring(at + 1);
        case 1 -> s = s.substring(0, at) + s.charAt(at) + s.substring(at);
        case 2 -> s = s.substring(0, at) + NOISE.charAt(r.nextInt(NOISE.length())) + s.substring(at);
        case 3 -> s = swapLines(s, r);
        case 4 -> s = replaceValue(s, r);
        case 5 -> s = s.substring(0, at);
        default -> s = replaceValue(s, r);
      }
    }
    return s;
  }

  private static String swapLines(String s, Random r) {
    List<String> lines = new ArrayList<>(s.lines().toList());
    if (lines.size() < 2) {
      return s;
    }
    int a = r.nextInt(lines.size());
    int b = r.nextInt(lines.size());
    String t = lines.get(a);
    lines.set(a, lines.get(b));
    lines.set(b, t);
    return String.join("\n", lines) + "\n";
  }

  /** A value (after "key: ") replaced by a value of another YAML type, or by something broken. */
  private static String replaceValue(String s, Random r) {
    List<String> lines = new ArrayList<>(s.lines().toList());
    for (int tries = 0; tries < 20; tries++) {
      int i = r.nextInt(lines.size());
      String line = lines.get(i);
      int colon = line.indexOf(": ");
      if (colon > 0 && !line.strip().startsWith("#")) {
        lines.set(i, line.substring(0, colon + 2) + VALUES[r.nextInt(VALUES.length)]);
        return String.join("\n", lines) + "\n";
      }
    }
    return s;
  }
}
