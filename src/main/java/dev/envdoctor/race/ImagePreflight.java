package dev.envdoctor.race;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envdoctor.container.ContainerEngine;
import dev.envdoctor.container.ImagePython;
import dev.envdoctor.container.TrueArch;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandRunner;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.run.RunFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the image must be before a race starts: there (envdoctor never pulls), of the engine's
 * architecture or named as emulated, and, for a Python command, with a whole python3 and torch.
 * Each lack is one line with its fix (exit 2: the image named is not the one the race needs).
 */
final class ImagePreflight {

  /** The Python facts the race needs, printed by the image's own python3. */
  static final String PYTHON_CHECK = "import json, platform, sys\n"
      + "try:\n    import torch\n    v = torch.__version__\nexcept ImportError:\n    v = None\n"
      + "print(json.dumps({'python': platform.python_version(), 'torch': v}))";

  record Facts(String arch, String emulation, String torch) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private ImagePreflight() {}

  static Facts check(CommandRunner runner, ContainerEngine engine, String image, String engineArch,
      Map<String, String> env, List<String> command) {
    CommandResult inspect = runner.run(CommandSpec.of(Duration.ofSeconds(20), engine.imageArchitecture(image)).withEnv(env));
    if (!inspect.ok()) {
      throw RunFailure.badInput("race: the image " + image + " is not in " + engine.name() + "; fix: "
          + String.join(" ", engine.pull(image)) + ", or build it (" + engine.name() + " build -t " + image + " .)");
    }
    String arch = TrueArch.probe(runner, engine, image, env);
    String emulation = TrueArch.emulation(image, arch, engineArch).orElse(null);
    String torch = isPython(command) ? python(runner, engine, image, env, command.get(0)) : null;
    return new Facts(arch, emulation, torch);
  }

  static boolean isPython(List<String> command) {
    String exe = command.get(0);
    String base = exe.substring(exe.lastIndexOf('/') + 1);
    return base.matches("python[0-9.]*");
  }

  /** The image's torch version; a missing interpreter or standard library is one line and exit 2. */
  private static String python(CommandRunner runner, ContainerEngine engine, String image, Map<String, String> env,
      String exe) {
    CommandResult r = TrueArch.once(runner, engine, image, env, Duration.ofSeconds(90), exe, "-c", PYTHON_CHECK);
    String lacks = ImagePython.lacks(r.stdout() + "\n" + r.stderr(), r.exitCode());
    if (lacks != null) {
      throw RunFailure.badInput("race: " + image + " " + lacks);
    }
    JsonNode facts = null;
    try {
      facts = r.ok() ? JSON.readTree(r.stdout().strip()) : null;
    } catch (java.io.IOException e) {
      // not our one JSON line: said below
    }
    if (facts == null || !facts.has("torch")) {
      throw RunFailure.badInput("race: " + exe + " in " + image + " did not run (" + r.describe() + "): "
          + String.join(" | ", r.stderrTail(2)));
    }
    return facts.path("torch").isNull() ? null : facts.path("torch").asText();
  }
}
