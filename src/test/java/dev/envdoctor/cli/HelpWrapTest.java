package dev.envdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.ProcessRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/** Every --help wraps at word boundaries with no broken phrase: no line ends early where the next word would fit. */
class HelpWrapTest {

  private static void collect(CommandLine cl, List<CommandLine> all) {
    all.add(cl);
    cl.getSubcommands().values().forEach(c -> collect(c, all));
  }

  /** The lines of a help text that end early: the next line's first word would have fit on them. */
  static List<String> brokenPhrases(String help, int width) {
    List<String> broken = new ArrayList<>();
    String[] lines = help.split("\n");
    for (int i = 0; i + 1 < lines.length; i++) {
      String a = lines[i].stripTrailing();
      String b = lines[i + 1];
      String next = b.strip();
      int indentA = a.length() - a.strip().length();
      int indentB = b.length() - next.length();
      // a sentence going on at the same indent: its first word lower case
      if (a.isBlank() || next.isEmpty() || indentB != indentA || !Character.isLowerCase(next.charAt(0))
          || ".!?:)".indexOf(a.charAt(a.length() - 1)) >= 0) {
        continue;
      }
      String word = next.split("\\s+")[0];
      if (a.length() + 1 + word.length() < width) {
        broken.add(a + " ⏎ " + next);
      }
    }
    return broken;
  }

  @Test
  void theTopLevelHelpKeepsItsFirstSentenceTogether() {
    String help = CliFactory.create(new ProcessRunner(), Clock.systemUTC(), Map.of(), false,
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).getUsageMessage();
    assertEquals(List.of(), brokenPhrases(help, 80));
  }

  @Test
  void noCommandsHelpBreaksAPhrase() {
    List<CommandLine> all = new ArrayList<>();
    collect(CliFactory.create(new ProcessRunner(), Clock.systemUTC(), Map.of(), false,
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), all);
    List<String> broken = new ArrayList<>();
    for (CommandLine cl : all) {
      brokenPhrases(cl.getUsageMessage(), 80).forEach(l -> broken.add(cl.getCommandSpec().qualifiedName() + ": " + l));
    }
    assertEquals(List.of(), broken, String.join("\n", broken));
  }
}
