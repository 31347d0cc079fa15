package dev.envdoctor.exec;

/**
 * A conversation with a running child ({@link CommandSpec#withDialog}): lines to its stdin, its
 * stdout lines back, one at a time. The runner runs the conversation on a thread of its own while
 * the child lives and keeps its timeout, Ctrl-C and kill of the whole tree; the child's stdout is
 * still captured whole in the result.
 */
public interface Dialog {

  /** Writes one line to the child's stdin; false when the child is gone or closed its stdin. */
  boolean send(String line);

  /** The child's next stdout line, waiting for it; null once its stdout has ended (it exited or was killed). */
  String receive() throws InterruptedException;
}
