package dev.envdoctor.cli;

import dev.envdoctor.run.Console;
import dev.envdoctor.run.ExitCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.testing.CliHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliUsageTest {

  @Test
  void unknownSubcommandExitsTwoWithOneLineAndAHint() {
    var r = new CliHarness().run("bogus");
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertTrue(r.err().startsWith("envdoctor: Unmatched argument at index 0: 'bogus'"), r.err());
    assertTrue(r.err().contains("Try 'envdoctor --help'"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    assertEquals("", r.out());
  }

  @Test
  void unknownOptionExitsTwoAndNamesTheSubcommandsHelp() {
    var r = new CliHarness().run("probe", "--bogus");
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertTrue(r.err().contains("Unknown option: '--bogus'"), r.err());
    assertTrue(r.err().contains("Try 'envdoctor probe --help'"), r.err());
  }

  @Test
  void misspelledSubcommandGetsASuggestion() {
    var r = new CliHarness().run("doctr");
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertTrue(r.err().contains("doctor"), r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--runtime=dockr", "--runtime=docker,", "--backend=pyton", "--device=gpu:x"})
  void aMisspelledSideIsBadUsageBeforeAnythingRuns(String option) {
    var r = new CliHarness().run("verify", option);
    assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("envdoctor: unknown "), r.err());
    assertEquals("", r.out(), "nothing ran");
  }

  @Test
  void aMisspelledRuntimeGetsTheNearestName() {
    var r = new CliHarness().run("doctor", "--runtime", "native,podmn");
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertTrue(r.err().contains("did you mean 'podman'?"), r.err());
  }

  @Test
  void quickAndFullExcludeEachOther() {
    var r = new CliHarness().run("calibrate", "--quick", "--full");
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertTrue(r.err().contains("mutually exclusive"), r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"doctor", "probe", "verify", "calibrate", "recommend", "check", "report",
      "compare", "image"})
  void everyCommandHasHelp(String command) {
    var r = new CliHarness().run(command, "--help");
    assertEquals(ExitCode.OK, r.exitCode());
    assertTrue(r.out().contains("Usage: envdoctor " + command), r.out());
  }

  @Test
  void versionNamesTheTool() {
    var r = new CliHarness().run("--version");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().startsWith("envdoctor "), r.out());
  }

  @Test
  void helpListsTheExitCodes() {
    var r = new CliHarness().run("--help");
    assertTrue(r.out().contains("Exit codes:"), r.out());
    assertTrue(r.out().contains("bad usage or bad input"), r.out());
  }

  @Test
  void noColorWhenNoColorIsSetOrNotATerminal() {
    assertFalse(Console.colorAllowed(false, java.util.Map.of("NO_COLOR", ""), true));
    assertFalse(Console.colorAllowed(false, java.util.Map.of(), false));
    assertFalse(Console.colorAllowed(true, java.util.Map.of(), true));
    assertFalse(Console.colorAllowed(false, java.util.Map.of("TERM", "dumb"), true));
    assertTrue(Console.colorAllowed(false, java.util.Map.of("TERM", "xterm"), true));
  }
}
