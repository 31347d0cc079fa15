package dev.envdoctor.run;

import dev.envdoctor.exec.ChildProcesses;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Ctrl-C says what it did: the stage it interrupted, what was stopped and removed, and whether
 * anything is left. The JVM exits 130 on SIGINT (143 on SIGTERM) once the shutdown hook has run.
 * Static, like the signal: there is one per process.
 */
public final class Interrupts {

  private static volatile String stage;
  private static volatile boolean finished;
  /** The live status line of the command now running, if any: the interrupt line must not land at its end. */
  private static volatile StatusLine line;

  private Interrupts() {}

  /** The stage the run is in now (the pipeline sets it; commands outside the flow name their own work). */
  public static void at(String where) {
    // once Ctrl-C began, the children die and the flow races through the stages after: keep the one it hit
    if (!ChildProcesses.stopping()) {
      stage = where;
    }
  }

  /**
   * The run ended on its own: a shutdown from here on is the normal exit, and says nothing. A run
   * that "ends" after the shutdown began ended because its children were killed: that is still an
   * interrupt, and the line is printed.
   */
  public static void finished() {
    if (!ChildProcesses.stopping()) {
      finished = true;
    }
  }

  /**
   * The run's own output stream, silent once a shutdown began: what the run's thread prints after
   * its children were killed (a failed stage, a partial report) would bury the interrupt line.
   */
  public static OutputStream quietOnStop(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(int b) throws IOException {
        if (!ChildProcesses.stopping()) {
          out.write(b);
        }
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (!ChildProcesses.stopping()) {
          out.write(b, off, len);
        }
      }
    };
  }

  /**
   * The command's live status line, from when it is made until the command closes it (then null):
   * the one piece of the run the shutdown hook, which outlives the command, must reach.
   */
  public static void showing(StatusLine live) {
    line = live;
  }

  /** Prints the line on an interrupt, after the children are stopped. */
  public static void install(PrintWriter err) {
    ChildProcesses.onShutdown(s -> {
      if (!finished) {
        StatusLine l = line;
        err.print(l == null ? "" : l.wipeForInterrupt());
        err.println(line(stage, s));
        err.flush();
      }
    });
  }

  /** One line: "envdoctor: interrupted during the docker stage; stopped 3 child processes, removed container envdoctor-ab12; nothing left behind". */
  static String line(String stage, ChildProcesses.Stopped s) {
    StringBuilder b = new StringBuilder("envdoctor: interrupted");
    if (stage != null) {
      b.append(" during ").append(stage.contains(" ") ? stage : "the " + stage + " stage");
    }
    List<String> did = new ArrayList<>();
    if (s.killed() > 0) {
      did.add("stopped " + s.killed() + (s.killed() == 1 ? " child process" : " child processes"));
    }
    if (!s.cleaned().isEmpty()) {
      did.add("removed " + String.join(", ", s.cleaned()));
    }
    b.append(did.isEmpty() ? "; no child was running" : "; " + String.join(", ", did));
    if (s.nothingLeft()) {
      b.append("; nothing left behind");
    } else {
      List<String> left = new ArrayList<>();
      s.survivors().forEach(pid -> left.add("process " + pid));
      s.notCleaned().forEach(left::add);
      b.append("; still there: ").append(String.join(", ", left)).append(" (remove by hand)");
    }
    return b.toString();
  }
}
