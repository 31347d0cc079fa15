package dev.envdoctor.sides;

import dev.envdoctor.calibrate.Turns;
import dev.envdoctor.exec.Dialog;
import dev.envdoctor.protocol.BurstLine;
import dev.envdoctor.protocol.SideAnswer;
import dev.envdoctor.protocol.SideCommand;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The mechanics under a side's flow: one command out, its one answer back, the command in flight
 * remembered until answered, and the wait for this side's turn.
 */
abstract class SideTalk implements Consumer<Dialog> {

  final SideCall call;
  private final Duration patience;
  private Dialog dialog;
  private volatile SideCommand inFlight;

  SideTalk(SideCall call) {
    this.call = call;
    this.patience = Turns.patience(call.timeout());
  }

  /** The side ended or died before answering: the flow stops where it is. */
  static final class Gone extends Exception {
    Gone() {
      super(null, null, false, false);
    }
  }

  /** The flow: greet, ask, end. */
  abstract void talk() throws Gone, InterruptedException;

  @Override
  public final void accept(Dialog d) {
    dialog = d;
    try {
      talk();
    } catch (Gone e) {
      // the side is gone: what it answered stands, the runner diagnoses the rest
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for this side's turn (GO at once without turns); null: the turns count it finished. */
  Turns.Turn turn(BurstLine line) {
    return call.turns() == null ? Turns.Turn.GO : call.turns().next(call.side(), line, patience);
  }

  SideAnswer ask(SideCommand c) throws Gone, InterruptedException {
    inFlight = c;
    if (c.verb().equals(SideCommand.PROJECT)) {
      progress(SideCommand.CALIBRATE + " " + String.join(" ", c.args()));
    } else if (!c.verb().equals(SideCommand.BURST) && !c.verb().equals(SideCommand.END)) {
      progress(c.line()); // a burst is a turn of a few milliseconds: no line of its own
    }
    if (!dialog.send(c.line())) {
      throw new Gone();
    }
    SideAnswer a = receive();
    inFlight = null;
    return a;
  }

  /** The greeting, which comes unasked. */
  SideAnswer greeting() throws Gone, InterruptedException {
    inFlight = SideCommand.of(SideAnswer.HELLO);
    SideAnswer a = receive();
    inFlight = null;
    return a;
  }

  /** The next answer; a line on stdout that is none (a library printing on fd 1) is skipped. */
  private SideAnswer receive() throws Gone, InterruptedException {
    while (true) {
      String line = dialog.receive();
      if (line == null) {
        throw new Gone();
      }
      var a = SideAnswer.parse(line);
      if (a.isPresent()) {
        return a.get();
      }
    }
  }

  void progress(String text) {
    if (call.progress() != null) {
      call.progress().accept(text);
    }
  }

  /** The command the side did not answer before it died, or null. */
  SideCommand inFlight() {
    return inFlight;
  }
}
