package dev.envdoctor.container;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.testing.RequiresDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The worker image and in-container verification with the real Podman. */
@RequiresDocker("podman")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PodmanContainerIT {

  static WorkerImageFixture image;
  static JsonNode verified;

  @BeforeAll
  static void buildImage() {
    image = WorkerImageFixture.build("podman");
  }

  @AfterAll
  static void removeImage() {
    if (image != null) {
      image.remove();
    }
  }

  @Test
  @Order(1)
  void verifiesTheCpuInsidePodman() {
    verified = ContainerChecks.verifiesCpu(image);
  }

  @Test
  @Order(2)
  void theContainerSeesWhatTheEngineSays() {
    ContainerChecks.containerSeesWhatEngineSays(image,
        verified != null ? verified : ContainerChecks.verifiesCpu(image));
  }

  @Test
  void aHangingWorkerIsKilledAndItsContainerRemoved() {
    ContainerChecks.hangIsKilledAndRemoved(image, new PodmanEngine());
  }

  @Test
  void aCrashingWorkerIsDiagnosedAndItsContainerRemoved() {
    ContainerChecks.segvIsDiagnosedAndRemoved(image, new PodmanEngine());
  }

  @Test
  void aMissingImageNamesTheBuildCommand() {
    ContainerChecks.missingImageNamesTheBuildCommand("podman");
  }
}
