package dev.envdoctor.testing;

import dev.envdoctor.cli.CliFactory;
import dev.envdoctor.exec.CommandRunner;
import dev.envdoctor.exec.ProcessRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs the real CLI in-process, as main does, capturing what it prints and its exit code. */
public final class CliHarness {

  private CommandRunner runner = new ProcessRunner();
  private final Map<String, String> env = new HashMap<>(System.getenv());
  private boolean terminal;

  public CliHarness runner(CommandRunner r) {
    this.runner = r;
    return this;
  }

  public CliHarness env(String name, String value) {
    if (value == null) {
      env.remove(name);
    } else {
      env.put(name, value);
    }
    return this;
  }

  public CliHarness terminal(boolean t) {
    this.terminal = t;
    return this;
  }

  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CliFactory.create(runner, Clock.systemUTC(), env, terminal, new PrintWriter(out, true),
        new PrintWriter(err, true)).execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  public record Result(int exitCode, String out, String err) {}
}
