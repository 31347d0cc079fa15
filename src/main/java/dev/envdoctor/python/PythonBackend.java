package dev.envdoctor.python;

import dev.envdoctor.protocol.SideNames;
import dev.envdoctor.calibrate.Turns;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Runtimes;
import dev.envdoctor.sides.SideCall;
import dev.envdoctor.sides.SidePlan;
import dev.envdoctor.sides.SideRunner;
import dev.envdoctor.sides.ThreadTrial;
import java.util.function.Consumer;
import dev.envdoctor.calibrate.SteadyAllocator;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandRunner;
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

/**
 * Runs envdoctor_torch.py in the user's Python as a side (docs/side-protocol.md): the script
 * travels on stdin, the commands after it, so nothing is written to disk and nothing is left
 * behind; the one runner gives it a timeout that kills it with its children.
 */
public final class PythonBackend {

  static final String SCRIPT_RESOURCE = "/dev/envdoctor/python/envdoctor_torch.py";
  /** The YOLOv8 workload, sent in front of the script: one program on stdin, two files in the source. */
  static final String YOLO_RESOURCE = "/dev/envdoctor/python/envdoctor_yolo.py";

  /** One run: what the process did, the parsed document when it printed one, and its threads where asked. */
  public record Run(CommandResult result, ScriptOutput output, String notOurs, ThreadTrial threads) {

    public Run(CommandResult result, ScriptOutput output, String notOurs) {
      this(result, output, notOurs, null);
    }

    public boolean parsed() {
      return output != null;
    }
  }

  /** This backend's name at the calibration gate. */
  public static final String SIDE = SideNames.side(Runtimes.NATIVE, Backend.PYTHON);

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

  /** The last line of the script on stdin; what follows it (the commands) is the script's to read. */
  static final String END_OF_SCRIPT = "#envdoctor-script-end";

  /**
   * {@code python -c LOADER}: reads the script from stdin up to {@link #END_OF_SCRIPT} and runs it
   * as {@code __main__}, leaving stdin open for the commands. No file is written.
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

  /** The {@code -c} program that reads the script from stdin. */
  public static String loader() {
    return LOADER;
  }

  /** What the side's stdin carries before the commands: the script, then its end marker. */
  public static String scriptOnStdin() {
    return script() + "\n" + END_OF_SCRIPT + "\n";
  }

  /**
   * Runs the script as a side (docs/side-protocol.md): its settings on the command line, the plan's
   * commands on stdin after the script, at {@code turns} when given.
   */
  public Run run(Path python, SidePlan plan, List<String> settings, Duration timeout, Turns turns, Consumer<String> progress) {
    List<String> argv = new ArrayList<>(List.of(python.toString(), "-c", LOADER));
    argv.addAll(settings);
    SideCall call = SideCall.of(argv, timeout, Runtimes.NATIVE, Backend.PYTHON, plan)
        .withScript(scriptOnStdin())
        // UTF-8 whatever LC_ALL=C implies; no user site hooks printing on stdout are ours to stop
        .withEnv(env()).withTurns(turns).withProgress(progress);
    return of(new SideRunner(runner, inherited).run(call));
  }

  /**
   * The script's run as the stage reads it. A side that greeted and was then stopped at its time
   * limit keeps what it finished (the command in flight diagnosed, SideRunner), as every side does;
   * one that never greeted, or crashed, printed no document.
   */
  public static Run of(SideRunner.Run side) {
    CommandResult result = side.result();
    if (side.ended() || stoppedAfterGreeting(side)) {
      return new Run(result, new ScriptOutput(side.out(), ScriptOutput.facts(side.python())), null, side.threads());
    }
    if (result.status() != CommandResult.Status.OK) {
      return new Run(result, null, null);
    }
    String other = result.stdout() == null ? "" : result.stdout().strip();
    return new Run(result, null, other.isEmpty() ? "printed nothing on stdout"
        : "printed something that is not envdoctor's JSON: " + ScriptOutput.excerpt(other));
  }

  /** Stopped at its time limit after it greeted with its torch: its answers so far are real. */
  private static boolean stoppedAfterGreeting(SideRunner.Run side) {
    var status = side.result().status();
    return (status == CommandResult.Status.TIMED_OUT || status == CommandResult.Status.STOPPED) && side.python() != null
        && side.out() != null;
  }
}
