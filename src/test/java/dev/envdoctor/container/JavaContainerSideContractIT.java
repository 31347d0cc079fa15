package dev.envdoctor.container;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.Dialog;
import dev.envdoctor.model.Backend;
import dev.envdoctor.testing.RequiresDocker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The side contract against the Java worker in a Docker container of the worker image, as the doctor starts it. */
@RequiresDocker("docker")
class JavaContainerSideContractIT extends SideContract {

  static WorkerImageFixture image;

  @BeforeAll
  static void build() {
    image = WorkerImageFixture.build("docker");
  }

  @AfterAll
  static void remove() {
    if (image != null) {
      image.remove();
    }
  }

  @Override
  Backend backend() {
    return Backend.DJL;
  }

  @Override
  CommandResult run(Consumer<Dialog> conversation) {
    ContainerEngine docker = Engines.named("docker").orElseThrow();
    return new ContainerRun(Jar.RUNNER, docker, Map.of()).run(name -> {
      List<String> argv = new ArrayList<>(ContainerStage.launchPrefix(docker, name, image.tag, "none"));
      argv.addAll(SETTINGS);
      return Jar.RUNNER.run(CommandSpec.of(timeout(), argv).withDialog(conversation));
    });
  }
}
