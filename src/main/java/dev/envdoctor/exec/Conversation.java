package dev.envdoctor.exec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/** The runner's half of a {@link Dialog}: the child's stdout lines queued, its stdin written, the conversation's thread. */
final class Conversation implements Dialog {

  /** Put after the last line: the child's stdout has ended. */
  private static final String EOF = new String("end of stdout");

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private Thread thread;

  Conversation(Process process) {
    this.process = process;
  }

  /** The stdout listener: the caller's own (if any), then the queue. */
  Consumer<String> alongside(Consumer<String> other) {
    return line -> {
      if (other != null) {
        other.accept(line);
      }
      lines.add(line);
    };
  }

  void ended() {
    lines.add(EOF);
  }

  void start(Consumer<Dialog> conversation) {
    thread = new Thread(() -> {
      try {
        conversation.accept(this);
      } finally {
        closeStdin();
      }
    }, "envdoctor-dialog");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized boolean send(String line) {
    if (!process.isAlive()) {
      return false;
    }
    try {
      OutputStream in = process.getOutputStream();
      in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      return true;
    } catch (IOException e) {
      return false; // the child is gone or closed its stdin
    }
  }

  @Override
  @SuppressWarnings("ReferenceEquality") // the one sentinel object, never a line read
  public String receive() throws InterruptedException {
    String line = lines.take();
    if (line == EOF) {
      lines.add(EOF); // every later receive sees the end too
      return null;
    }
    return line;
  }

  /**
   * The child has ended: the conversation, which now reads the end of its stdout, finishes; one
   * still waiting elsewhere (for its turn) is interrupted. Returns once it is over.
   */
  void close() {
    closeStdin();
    if (thread == null) {
      return;
    }
    try {
      thread.join(500);
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(5000);
      }
    } catch (InterruptedException e) {
      thread.interrupt();
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void closeStdin() {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
