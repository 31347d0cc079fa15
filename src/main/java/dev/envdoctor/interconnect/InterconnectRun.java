package dev.envdoctor.interconnect;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandRunner;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.model.GpuTopology;
import dev.envdoctor.model.Interconnect;
import dev.envdoctor.model.InterconnectBuilder;
import dev.envdoctor.probe.nvidia.NvidiaSmiList;
import dev.envdoctor.probe.nvidia.NvidiaTopo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs envdoctor_interconnect.py in the user's Python through the one runner: the script travels on
 * stdin behind a small loader (nothing is written to disk) and starts its ranks from its own source.
 * The runner's timeout kills the script with every rank it started; the script's own deadline
 * (--timeout) comes first and says so. The environment passes through: NCCL_* stays as the machine
 * has it. Also reads {@code nvidia-smi topo -m}.
 */
public final class InterconnectRun {

  static final String SCRIPT_RESOURCE = "/dev/envdoctor/python/envdoctor_interconnect.py";
  /** The same loader the script gives its ranks: read all of stdin, run it as __main__ with its source. */
  static final String LOADER = String.join("\n",
      "import sys",
      "src = sys.stdin.read()",
      "sys.argv[0] = 'envdoctor_interconnect.py'",
      "exec(compile(src, 'envdoctor_interconnect.py', 'exec'), {'__name__': '__main__', '__envdoctor_source__': src,"
          + " '__builtins__': __builtins__})");
  static final Duration TOPO_TIMEOUT = Duration.ofSeconds(15);

  private final CommandRunner runner;

  public InterconnectRun(CommandRunner runner) {
    this.runner = runner;
  }

  public static String script() {
    try (InputStream in = InterconnectRun.class.getResourceAsStream(SCRIPT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SCRIPT_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The entries of one run; a run that failed is one all-reduce entry with the diagnosis. */
  public List<Interconnect> measure(Path python, List<String> options, Duration scriptDeadline) {
    List<String> argv = new ArrayList<>(List.of(python.toString(), "-c", LOADER, "allreduce,p2p",
        "--timeout", String.valueOf(scriptDeadline.toSeconds())));
    argv.addAll(options);
    CommandSpec spec = CommandSpec.of(scriptDeadline.plusSeconds(60), argv)
        .withEnv(Map.of("PYTHONIOENCODING", "utf-8", "PYTHONDONTWRITEBYTECODE", "1"))
        .withStdin(script());
    CommandResult result = runner.run(spec);
    if (result.status() != CommandResult.Status.OK) {
      return List.of(failed(result.describe() + tail(result)));
    }
    try {
      InterconnectOutput out = InterconnectOutput.parse(result.stdout());
      if (out.diagnosis() != null && out.allReduce() == null) {
        return List.of(failed(out.diagnosis()));
      }
      return out.entries("native");
    } catch (InterconnectOutput.NotOurs e) {
      return List.of(failed("envdoctor_interconnect.py printed no result: " + e.getMessage() + tail(result)));
    }
  }

  /** {@code nvidia-smi topo -m}, parsed; null where there is no nvidia-smi; a diagnosis where it failed. */
  public GpuTopology topology() {
    CommandResult r = runner.run(CommandSpec.of(TOPO_TIMEOUT, "nvidia-smi", "topo", "-m"));
    if (r.status() == CommandResult.Status.NOT_FOUND) {
      return null;
    }
    if (!r.ok()) {
      return new GpuTopology(NvidiaTopo.SOURCE, List.of(), List.of(), r.describe());
    }
    return NvidiaTopo.parse(r.stdout());
  }

  /** nvidia-smi -L (GPU and MIG UUIDs by index); null when it cannot be read. */
  public NvidiaSmiList.Listing listing() {
    CommandResult r = runner.run(CommandSpec.of(TOPO_TIMEOUT, "nvidia-smi", "-L"));
    return r.ok() ? NvidiaSmiList.parse(r.stdout()) : null;
  }

  static Interconnect failed(String diagnosis) {
    return InterconnectBuilder.builder()
        .runtime("native")
        .test(Interconnect.ALL_REDUCE)
        .devices(List.of())
        .ncclSettings(Map.of())
        .diagnosis(diagnosis)
        .build();
  }

  private static String tail(CommandResult r) {
    List<String> t = r.stderrTail(3);
    return t.isEmpty() ? "" : " (last lines: " + String.join(" | ", t) + ")";
  }
}
