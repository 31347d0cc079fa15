package dev.envdoctor.run;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What the run is doing now, for a person. In a terminal: one line on stderr, redrawn in place
 * twice a second (what is measured, on which side, elapsed, an estimate of what is left), so the
 * screen is never silent for long. It starts with the first event (a command that reports none,
 * such as compare, never draws it), is wiped whenever the command prints on stdout or stderr (the
 * next event draws it again), and the command that owns it closes it when it ends; an event after
 * that is a plain line. Anywhere else: each event
 * as a plain line, as before, for logs and CI. Only a carriage return and spaces: no escape codes,
 * so a dumb terminal shows it too. Hand-made rather than the progressbar library's bar: several
 * sides report at once, and one line names the latest of them with the steps of all.
 */
public final class StatusLine implements AutoCloseable {

  private final PrintWriter err;
  private final boolean live;
  private final LongSupplier nanos;
  private final long t0;
  private ScheduledExecutorService ticker;
  private String now = "starting";
  private int planned;
  private int done;
  private long firstPlanNanos = -1;
  private int width;
  private boolean closed;
  /** Whether events start the redraw: a live line made by {@link #live}, not one a test draws by hand. */
  private boolean ticking;
  /** How long the last doctor run here took (ms), for the estimate; null: no earlier run. */
  private Long expectedMs;

  private StatusLine(PrintWriter err, boolean live, LongSupplier nanos) {
    this.err = err;
    this.live = live;
    this.nanos = nanos;
    this.t0 = nanos.getAsLong();
  }

  /** Plain lines: not a terminal, or --json. */
  public static StatusLine plain(PrintWriter err) {
    return new StatusLine(err, false, System::nanoTime);
  }

  /**
   * The live line in a terminal, drawn from the first event on and redrawn every 0.5 s until
   * {@link #close()}.
   * @param expectedMs how long the last such run took here (null: unknown), for "about N s left"
   */
  public static StatusLine live(PrintWriter err, Long expectedMs) {
    StatusLine s = new StatusLine(err, true, System::nanoTime);
    s.expectedMs = expectedMs;
    s.ticking = true;
    return s;
  }

  /** Whether this is the live line of a terminal (not plain lines). */
  public boolean live() {
    return live;
  }

  /** Starts the redraw on the first event, and again after a {@link #pause()}. */
  private void tick() {
    if (ticking && ticker == null && !closed) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "envdoctor-status");
        t.setDaemon(true);
        return t;
      });
      ticker.scheduleAtFixedRate(this::draw, 500, 500, TimeUnit.MILLISECONDS);
    }
  }

  /** For tests: a live line driven by the caller's clock, drawn only when {@link #draw()} is called. */
  static StatusLine liveWithClock(PrintWriter err, LongSupplier nanos, Long expectedMs) {
    StatusLine s = new StatusLine(err, true, nanos);
    s.expectedMs = expectedMs;
    return s;
  }

  /** An event of the run ("  native: calibrate cpu cnn", "python: verify with ..."). */
  public synchronized void show(String event) {
    if (!live || closed) {
      err.println(event);
      err.flush();
      return;
    }
    StatusWords.Event e = StatusWords.of(event);
    tick();
    if (e.plannedSteps() > 0) {
      planned += e.plannedSteps();
      if (firstPlanNanos < 0) {
        firstPlanNanos = nanos.getAsLong();
      }
      return;
    }
    if (e.step()) {
      done++;
    }
    now = e.words();
    draw();
  }

  /** The stage the flow entered: shown in a terminal until a side says more; nothing in plain lines. */
  public synchronized void stage(String name) {
    if (live && !closed) {
      now = StatusWords.stage(name);
      tick();
      draw();
    }
  }

  /** The line as it reads now. */
  synchronized String text() {
    long t = nanos.getAsLong();
    double elapsed = (t - t0) / 1e9;
    String line = String.format(Locale.ROOT, "… %s · %.0f s", now, elapsed);
    if (expectedMs != null) {
      // the last run here is the best guide: the sides' steps differ too much in length to extrapolate
      double left = expectedMs / 1e3 - elapsed;
      return line + (left >= 1 ? String.format(Locale.ROOT, " · about %s left (the last run here took %s)",
          seconds(left), seconds(expectedMs / 1e3)) : " · longer than the last run here (" + seconds(expectedMs / 1e3) + ")");
    }
    if (planned > 0) {
      int left = Math.max(0, planned - done);
      line += " · step " + Math.min(done, planned) + " of " + planned + " of the DJL sides";
      double estimate = done > 0 && firstPlanNanos >= 0 ? (t - firstPlanNanos) / 1e9 / done * left : 0;
      if (estimate >= 1) {
        line += String.format(Locale.ROOT, ", about %.0f s left for them", Math.ceil(estimate));
      }
    }
    return line;
  }

  private static String seconds(double s) {
    return s < 90 ? String.format(Locale.ROOT, "%.0f s", s) : String.format(Locale.ROOT, "%.0f min", s / 60);
  }

  synchronized void draw() {
    if (!live || closed) {
      return;
    }
    String line = text();
    int pad = Math.max(0, width - line.length());
    err.print("\r" + line + " ".repeat(pad));
    err.flush();
    width = line.length();
  }

  /**
   * What wipes this line, if on screen, for the interrupt line: printed by the caller on its own
   * stream, since the run's stderr goes quiet once Ctrl-C began. The terminal echoed "^C" after it.
   */
  public synchronized String wipeForInterrupt() {
    int w = width;
    close();
    return w == 0 ? "" : "\r" + " ".repeat(w + 2) + "\r";
  }

  /**
   * {@code w} with this line wiped before each write, so that what a command prints starts on a
   * clean line; the next event draws the line again. A plain status returns {@code w} itself.
   */
  public PrintWriter wipingBefore(PrintWriter w) {
    if (!live) {
      return w;
    }
    return new PrintWriter(new java.io.Writer() {
      @Override
      public void write(char[] buf, int off, int len) {
        pause();
        w.write(buf, off, len);
      }

      @Override
      public void flush() {
        w.flush();
      }

      @Override
      public void close() {
        w.close();
      }
    }, true);
  }

  /** Wipes the line and stops its redraw until the next event. */
  public synchronized void pause() {
    if (ticker != null) {
      ticker.shutdownNow();
      ticker = null;
    }
    if (live && width > 0) {
      err.print("\r" + " ".repeat(width) + "\r");
      err.flush();
      width = 0;
    }
  }

  /** Wipes the live line for good: an event after this prints a plain line; a plain status prints nothing. */
  @Override
  public synchronized void close() {
    pause();
    closed = true;
  }
}
