package dev.envdoctor.container;

import dev.envdoctor.testing.RequiresDocker;

/** The worker image and in-container verification with the real Docker engine. */
@RequiresDocker("docker")
class DockerContainerIT extends EngineContainerTests {

  @Override
  ContainerEngine engine() {
    return new DockerEngine();
  }
}
