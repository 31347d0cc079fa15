package dev.envdoctor.probe;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandRunner;
import dev.envdoctor.exec.CommandSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays recorded real outputs (src/test/resources/recorded/TOOL/CASE) as a {@link CommandRunner}:
 * what a Mac or a GPU machine printed, fed to the probe's own fetching code on this Linux box. A
 * command matches by the start of its argv; one without a recording is "not found", as on a
 * machine without the tool.
 */
public final class Recorded implements CommandRunner {

  private record Answer(List<String> argvStart, CommandResult.Status status, int exit, String stdout) {}

  private final List<Answer> answers = new ArrayList<>();
  private final Map<String, Integer> calls = new HashMap<>();

  public static String text(String resource) {
    try (InputStream in = Recorded.class.getResourceAsStream("/recorded/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no recording " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code argvStart} prints the recording and exits 0. */
  public Recorded ok(String resource, String... argvStart) {
    answers.add(new Answer(List.of(argvStart), CommandResult.Status.OK, 0, text(resource)));
    return this;
  }

  /** {@code argvStart} ends with this status and exit code, printing {@code stdout}. */
  public Recorded answer(CommandResult.Status status, int exit, String stdout, String... argvStart) {
    answers.add(new Answer(List.of(argvStart), status, exit, stdout));
    return this;
  }

  public int calls(String program) {
    return calls.getOrDefault(program, 0);
  }

  @Override
  public synchronized CommandResult run(CommandSpec spec) {
    calls.merge(spec.program(), 1, Integer::sum);
    for (Answer a : answers) {
      if (spec.argv().size() >= a.argvStart().size()
          && spec.argv().subList(0, a.argvStart().size()).equals(a.argvStart())) {
        return new CommandResult(spec, a.status(), a.exit(), a.stdout(), "", 1);
      }
    }
    return new CommandResult(spec, CommandResult.Status.NOT_FOUND, -1, "", "", 0);
  }
}
