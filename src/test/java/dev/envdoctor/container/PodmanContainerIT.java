package dev.envdoctor.container;

import dev.envdoctor.testing.RequiresDocker;

/** The worker image and in-container verification with real Podman. */
@RequiresDocker("podman")
class PodmanContainerIT extends EngineContainerTests {

  @Override
  ContainerEngine engine() {
    return new PodmanEngine();
  }
}
