package dev.envdoctor.python;

import dev.envdoctor.protocol.BurstLine;
import dev.envdoctor.protocol.GateLines;
import dev.envdoctor.calibrate.Turns;
import dev.envdoctor.calibrate.SteadyAllocator;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandRunner;
import dev.envdoctor.exec.CommandSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs envdoctor_torch.py in the user's Python: the script travels on stdin ({@code python - MODES
 * ...}), so nothing is written to disk and nothing is left behind; the one runner gives it a timeout
 * that kills it with its children.
 */
public final class PythonBackend {

  static final String SCRIPT_RESOURCE = "/dev/envdoctor/python/envdoctor_torch.py";
  /** The YOLOv8 workload, sent in front of the script: one program on stdin, two files in the source. */
  static final String YOLO_RESOURCE = "/dev/envdoctor/python/envdoctor_yolo.py";

  /** One run: what the process did, and the parsed document when it printed one. */
  public record Run(CommandResult result, ScriptOutput output, String notOurs) {

    public boolean parsed() {
      return output != null;
    }
  }

  /** This backend's name at the calibration gate. */
  public static final String SIDE = GateLines.side("native", "python");

  private final CommandRunner runner;
  private final Map<String, String> inherited;

  public PythonBackend(CommandRunner runner) {
    this(runner, Map.of());
  }

  /** @param inherited the environment the child inherits: its allocator settings are kept (SteadyAllocator) */
  public PythonBackend(CommandRunner runner, Map<String, String> inherited) {
    this.runner = runner;
    this.inherited = Map.copyOf(inherited);
  }

  /** The script's text, as shipped in the jar: the YOLOv8 module, then envdoctor_torch.py. */
  public static String script() {
    return resource(YOLO_RESOURCE) + "\n" + resource(SCRIPT_RESOURCE);
  }

  private static String resource(String name) {
    try (InputStream in = PythonBackend.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** UTF-8 whatever LC_ALL=C implies, no bytecode files, and the allocator every timed side gets. */
  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>(SteadyAllocator.env(inherited));
    env.put("PYTHONIOENCODING", "utf-8");
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    return env;
  }

  /** The last line of the script on stdin; what follows it (the gate's answer) is the script's to read. */
  static final String END_OF_SCRIPT = "#envdoctor-script-end";

  /**
   * {@code python -c LOADER}: reads the script from stdin up to {@link #END_OF_SCRIPT} and runs it
   * as {@code __main__}, leaving stdin open for the gate's answer. No file is written.
   */
  static final String LOADER = String.join("\n",
      "import sys",
      "src = []",
      "for line in iter(sys.stdin.readline, ''):",
      "    if line.rstrip('\\r\\n') == '" + END_OF_SCRIPT + "':",
      "        break",
      "    src.append(line)",
      "sys.argv[0] = 'envdoctor_torch.py'",
      "exec(compile(''.join(src), 'envdoctor_torch.py', 'exec'), {'__name__': '__main__', '__builtins__': __builtins__})");

  public Run run(Path python, List<String> modes, List<String> options, Duration timeout) {
    return run(python, modes, options, timeout, null);
  }

  /** As {@link #run(Path, List, List, Duration)}; with a gate the script waits for its turn to calibrate. */
  public Run run(Path python, List<String> modes, List<String> options, Duration timeout, Turns gate) {
    List<String> argv = new ArrayList<>(List.of(python.toString(), "-c", LOADER, String.join(",", modes)));
    argv.addAll(options);
    if (gate != null) {
      argv.add(GateLines.OPTION);
      argv.addAll(gate.plan().childArgs());
    }
    CommandSpec spec = CommandSpec.of(timeout, argv)
        // UTF-8 whatever LC_ALL=C implies; no user site hooks printing on stdout are ours to stop
        .withEnv(env())
        .withStdin(script() + "\n" + END_OF_SCRIPT + "\n");
    if (gate != null) {
      spec = spec.withStdinReplies(answers(gate, SIDE, timeout));
    }
    CommandResult result = runner.run(spec);
    if (result.status() != CommandResult.Status.OK) {
      return new Run(result, null, null);
    }
    try {
      return new Run(result, ScriptOutput.parse(result.stdout()), null);
    } catch (ScriptOutput.NotOurs e) {
      return new Run(result, null, e.getMessage());
    }
  }

  /** The answers to the child's gate lines on its stdin: GO on its turn, END once its bursts are over, nothing once it finished. */
  static Function<String, String> answers(Turns gate, String side, Duration timeout) {
    return line -> {
      if (!line.strip().startsWith(GateLines.SIGNAL)) {
        return null;
      }
      var t = gate.next(side, BurstLine.parse(line), Turns.patience(timeout));
      return t == null ? null : t == Turns.Turn.GO ? GateLines.GO : GateLines.END;
    };
  }
}
