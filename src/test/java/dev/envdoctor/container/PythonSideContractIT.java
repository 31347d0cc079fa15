package dev.envdoctor.container;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.Dialog;
import dev.envdoctor.model.Backend;
import dev.envdoctor.protocol.ThreadFacts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.envdoctor.python.PythonBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The side contract against envdoctor_torch.py in Debian's Python with torch (/usr/bin/python3), natively, sent as the doctor sends it. */
class PythonSideContractIT extends SideContract {

  @Override
  Backend backend() {
    return Backend.PYTHON;
  }

  @Override
  CommandResult run(Consumer<Dialog> conversation) {
    List<String> argv = new ArrayList<>(List.of("/usr/bin/python3", "-c", PythonBackend.loader()));
    argv.addAll(SETTINGS);
    return Jar.RUNNER.run(CommandSpec.of(timeout(), argv).withStdin(PythonBackend.scriptOnStdin()).withDialog(conversation));
  }

  @Override
  void defaultThreads(ThreadFacts asked) {
    // Debian's torch here, asked by itself in a fresh process with the same environment
    assertEquals(Integer.parseInt(dev.envdoctor.testing.ThisMachine.python("/usr/bin/python3",
        "import torch; print(torch.get_num_threads())").strip()), asked.defaultThreads());
  }
}
