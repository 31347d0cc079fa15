package dev.envdoctor.run;

import java.io.PrintWriter;
import org.fusesource.jansi.Ansi;

/**
 * Human output in the manner of flutter doctor: one marked line per finding, indented detail under
 * it. Colour only when allowed (a terminal, no --no-color, no NO_COLOR); never cursor tricks, so a
 * pipe or a log gets plain lines.
 */
public final class Console {

  /** A finding's marker; the order is from best to worst. */
  public enum Mark {
    OK("✓", Ansi.Color.GREEN),
    INFO("•", Ansi.Color.DEFAULT),
    SKIP("-", Ansi.Color.DEFAULT),
    WARN("!", Ansi.Color.YELLOW),
    FAIL("✗", Ansi.Color.RED);

    final String symbol;
    final Ansi.Color color;

    Mark(String symbol, Ansi.Color color) {
      this.symbol = symbol;
      this.color = color;
    }
  }

  private final PrintWriter out;
  private final boolean color;

  public Console(PrintWriter out, boolean color) {
    this.out = out;
    this.color = color;
  }

  public PrintWriter writer() {
    return out;
  }

  public boolean color() {
    return color;
  }

  /** {@code [✓] text}. */
  public void mark(Mark mark, String text) {
    String symbol = "[" + paint(mark.symbol, mark.color) + "]";
    out.println(symbol + " " + text);
    out.flush();
  }

  /** An indented detail line under a marked line. */
  public void detail(String text) {
    out.println("    " + text);
  }

  /** An indented line with its own marker ({@code ✗ fix: ...}). */
  public void detail(Mark mark, String text) {
    out.println("    " + paint(mark.symbol, mark.color) + " " + text);
  }

  public void heading(String text) {
    out.println(bold(text));
  }

  public void line(String text) {
    out.println(text);
  }

  public void blank() {
    out.println();
  }

  public String bold(String text) {
    return color ? Ansi.ansi().bold().a(text).reset().toString() : text;
  }

  public String faint(String text) {
    return color ? Ansi.ansi().a(Ansi.Attribute.INTENSITY_FAINT).a(text).reset().toString() : text;
  }

  public String paint(String text, Ansi.Color c) {
    return color && c != Ansi.Color.DEFAULT ? Ansi.ansi().fg(c).a(text).reset().toString() : text;
  }

  public void flush() {
    out.flush();
  }

  /**
   * Colour is on only for a terminal, without --no-color, without NO_COLOR (any value, per
   * no-color.org) and with a TERM other than "dumb".
   */
  public static boolean colorAllowed(boolean noColorFlag, java.util.Map<String, String> env, boolean terminal) {
    if (noColorFlag || env.containsKey("NO_COLOR") || !terminal) {
      return false;
    }
    return !"dumb".equals(env.get("TERM"));
  }

  /** Whether stdout is a terminal (Java 22+ has Console.isTerminal; on 17 a console exists only then). */
  public static boolean stdoutIsTerminal() {
    java.io.Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
