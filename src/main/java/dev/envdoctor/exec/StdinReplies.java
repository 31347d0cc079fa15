package dev.envdoctor.exec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Answers a child on its stdin: each stderr line goes to the answering function on a thread of its
 * own (the answer may have to wait, e.g. for the calibration gate, while stderr keeps draining),
 * and a non-null answer is written as one line while the child lives.
 */
final class StdinReplies {

  private final Process process;
  private final Function<String, String> answer;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "envdoctor-stdin-reply");
    t.setDaemon(true);
    return t;
  });

  StdinReplies(Process process, Function<String, String> answer) {
    this.process = process;
    this.answer = answer;
  }

  /** The stderr listener: the caller's own (if any), then this one. */
  Consumer<String> alongside(Consumer<String> other) {
    return line -> {
      if (other != null) {
        other.accept(line);
      }
      threads.execute(() -> reply(line));
    };
  }

  private void reply(String line) {
    String text = answer.apply(line);
    if (text == null || !process.isAlive()) {
      return;
    }
    synchronized (this) {
      try {
        OutputStream in = process.getOutputStream();
        in.write((text + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
      } catch (IOException ignored) {
        // the child is gone or closed its stdin: nothing waits for the answer any more
      }
    }
  }

  /** The child ended: close its stdin and let the answering threads go. */
  void close() {
    threads.shutdownNow();
    synchronized (this) {
      try {
        process.getOutputStream().close();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }
}
