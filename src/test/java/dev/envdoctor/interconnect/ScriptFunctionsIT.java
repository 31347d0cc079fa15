package dev.envdoctor.interconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.python.PythonBackend;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Functions of the two shipped scripts called in the real Python with its real torch (the scripts
 * loaded as modules, not run): which devices envdoctor_torch.py verifies and peaks on an 8-GPU
 * machine, and the interconnect script's sum check and bus factor.
 */
class ScriptFunctionsIT {

  /** Runs {@code code} with the script's functions in scope; what it prints to the real stdout comes back. */
  private static String call(String script, String code) {
    String program = "import sys\nsrc = sys.stdin.read()\nns = {'__name__': 'envdoctor_test'}\n"
        + "exec(compile(src, 'script.py', 'exec'), ns)\nglobals().update(ns)\nout = sys.__stdout__\n" + code;
    CommandResult r = new ProcessRunner().run(CommandSpec.of(Duration.ofSeconds(60), "/usr/bin/python3", "-c", program)
        .withStdin(script));
    assertEquals(CommandResult.Status.OK, r.status(), r.describe() + "\n" + r.stderr());
    return r.stdout().strip();
  }

  @Test
  void everyGpuIsVerifiedAndPeakedNotOnlyTheFirst() {
    String code = "cuda = {'deviceCount': 8}\nmps = {'built': False}\n"
        + "out.write(repr(device_names(None, cuda, mps, 'all')) + '\\n')\n"
        + "out.write(repr(device_names(None, cuda, mps, 'cuda')) + '\\n')\n"
        + "out.write(repr(device_names(None, cuda, mps, 'cuda:5')) + '\\n')\n";
    String[] lines = call(PythonBackend.script(), code).split("\n");
    assertEquals("['cpu', 'cuda:0', 'cuda:1', 'cuda:2', 'cuda:3', 'cuda:4', 'cuda:5', 'cuda:6', 'cuda:7']", lines[0]);
    assertEquals("['cuda:0', 'cuda:1', 'cuda:2', 'cuda:3', 'cuda:4', 'cuda:5', 'cuda:6', 'cuda:7']", lines[1]);
    assertEquals("['cuda:5']", lines[2]);
  }

  @Test
  void theSumCheckCatchesOneWrongElementAndAMisplacedChunk() {
    String code = "import torch\nn = 8\np = (torch.arange(1000, dtype=torch.int32) % PATTERN + 1).float()\n"
        + "x = p * float(expected_sum(n))\nout.write(repr(check_sum(torch, x, n, p)) + '\\n')\n"
        + "y = x.clone(); y[17] += 1.0\nout.write(repr(check_sum(torch, y, n, p)) + '\\n')\n"
        + "z = torch.cat([x[500:], x[:500]])\nout.write(repr(check_sum(torch, z, n, p)[0]) + '\\n')\n"
        + "out.write(repr([bus_factor(r) for r in (1, 2, 8)]) + '\\n')\n"
        + "out.write(repr(sizes(64 << 10, 1 << 30, 4)[-1]) + '\\n')\n";
    String[] lines = call(InterconnectRun.script(), code).split("\n");
    assertEquals("(True, 0)", lines[0]);
    assertEquals("(False, 1)", lines[1]);
    assertEquals("False", lines[2], "a chunk in the wrong place is a wrong sum too");
    assertEquals("[0.0, 1.0, 1.75]", lines[3]);
    assertEquals(String.valueOf(1 << 30), lines[4], "the GPU sweep reaches 1 GiB");
  }
}
