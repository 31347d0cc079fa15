package dev.envdoctor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The live status line's words, time and estimate, driven by a test clock; and plain lines off a terminal. */
class StatusLineTest {

  private final StringWriter buf = new StringWriter();
  private final AtomicLong nanos = new AtomicLong();

  private void at(double seconds) {
    nanos.set((long) (seconds * 1e9));
  }

  @Test
  void aTerminalGetsOneLineInPlainWordsWithTheSideAndTheTime() {
    StatusLine s = StatusLine.liveWithClock(new PrintWriter(buf), nanos::get, null);
    s.stage("probe");
    assertEquals("… probing the machine · 0 s", s.text());
    at(3);
    s.show("  native: plan 3");
    s.show("  native: verify cpu");
    assertEquals("… checking that the CPU computes correctly natively (DJL) · 3 s · step 1 of 3 of the DJL sides", s.text());
    at(5);
    s.show("  docker: calibrate cpu cnn");
    assertEquals("… timing cnn training steps on the CPU in docker · 5 s · step 2 of 3 of the DJL sides,"
        + " about 1 s left for them", s.text());
    assertFalse(buf.toString().contains("\n"), "redrawn in place: " + buf);
    assertTrue(buf.toString().startsWith("\r… probing the machine"), buf.toString());
    s.close();
    assertTrue(buf.toString().endsWith("\r"), "wiped before the results: " + buf);
  }

  @Test
  void theEstimateIsTheLastRunHere() {
    StatusLine s = StatusLine.liveWithClock(new PrintWriter(buf), nanos::get, 240_000L);
    at(60);
    s.show("python: verify, calibrate with /usr/bin/python3");
    assertEquals("… running your Python's torch (verify, calibrate with /usr/bin/python3) · 60 s · about 3 min left"
        + " (the last run here took 4 min)", s.text());
    at(250);
    assertTrue(s.text().endsWith("· longer than the last run here (4 min)"), s.text());
  }

  @Test
  void offATerminalEachEventIsAPlainLine() {
    StatusLine s = StatusLine.plain(new PrintWriter(buf));
    s.stage("probe");
    s.show("  native: verify cpu");
    s.close();
    assertEquals("  native: verify cpu" + System.lineSeparator(), buf.toString());
  }

  /** A command that reports no event (compare, recommend --from) never draws the line. Failed before: drawn at once. */
  @Test
  void nothingIsDrawnBeforeTheFirstEvent() throws Exception {
    StatusLine s = StatusLine.live(new PrintWriter(buf), null);
    Thread.sleep(700);
    s.close();
    assertEquals("", buf.toString());
  }

  /** race's progress after its probe: once the line is closed an event is a plain line. Failed before: it vanished. */
  @Test
  void afterCloseAnEventIsAPlainLine() {
    StatusLine s = StatusLine.liveWithClock(new PrintWriter(buf), nanos::get, null);
    s.stage("probe");
    s.close();
    s.show("race: run 1 of 3");
    assertTrue(buf.toString().endsWith("\rrace: run 1 of 3" + System.lineSeparator()), buf.toString());
  }

  @Test
  void whatTheCommandPrintsStartsOnAWipedLine() {
    StatusLine s = StatusLine.liveWithClock(new PrintWriter(buf), nanos::get, null);
    s.stage("probe");
    PrintWriter out = s.wipingBefore(new PrintWriter(buf));
    out.print("results");
    out.flush();
    String wiped = "\r" + " ".repeat("… probing the machine · 0 s".length()) + "\r";
    assertTrue(buf.toString().endsWith(wiped + "results"), buf.toString());
    s.stage("python");
    assertTrue(buf.toString().endsWith("results\r… " + s.text().substring(2)), "the next event draws it again: " + buf);
  }
}
