package dev.envdoctor.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Help text that wraps at word boundaries only. picocli prints each element of a description on a
 * line of its own and wraps within it, so a sentence split over two elements broke twice
 * ("...is this machine set" / "up right," / "should you..."). Joined here, every sentence is one
 * element and picocli wraps it where the width says.
 */
final class HelpText {

  private HelpText() {}

  /** Joins the description lines of {@code cl} and every subcommand that end mid-sentence with the next. */
  static void joinSentences(CommandLine cl) {
    CommandLine.Model.UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
    usage.description(joined(usage.description()).toArray(String[]::new));
    cl.getSubcommands().values().forEach(HelpText::joinSentences);
  }

  /** "a sentence," + "its end." is one line; a line that ends a sentence (. ! ? :) or is empty stays one. */
  static List<String> joined(String[] lines) {
    List<String> out = new ArrayList<>();
    StringBuilder open = null;
    for (String line : lines) {
      if (open != null) {
        open.append(' ').append(line.strip());
      } else {
        open = new StringBuilder(line);
      }
      if (ends(open.toString())) {
        out.add(open.toString());
        open = null;
      }
    }
    if (open != null) {
      out.add(open.toString());
    }
    return out;
  }

  private static boolean ends(String s) {
    String t = s.strip();
    return t.isEmpty() || t.endsWith("%n") || ".!?:)".indexOf(t.charAt(t.length() - 1)) >= 0;
  }
}
