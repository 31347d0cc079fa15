package dev.envdoctor.container;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.Dialog;
import dev.envdoctor.model.Backend;
import dev.envdoctor.testing.RequiresDocker;
import dev.envdoctor.python.PythonBackend;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;

/** The side contract against envdoctor_torch.py in a Docker container of an image with Debian's python3-torch, as --container-python runs it. */
@RequiresDocker("docker")
class PythonContainerSideContractIT extends SideContract {

  static String image;

  @BeforeAll
  static void build() throws IOException {
    image = TorchImage.docker();
  }


  @Override
  Backend backend() {
    return Backend.PYTHON;
  }

  @Override
  CommandResult run(Consumer<Dialog> conversation) {
    ContainerEngine docker = Engines.named("docker").orElseThrow();
    return new ContainerRun(Jar.RUNNER, docker, Map.of()).run(name -> {
      List<String> argv = new ArrayList<>(docker.runPrefix(name, image, "none"));
      argv.addAll(List.of("python3", "-c", PythonBackend.script()));
      argv.addAll(SETTINGS);
      return Jar.RUNNER.run(CommandSpec.of(timeout(), argv).withDialog(conversation));
    });
  }
}
