package dev.envdoctor.container;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The worker image and in-container verification against one real engine: the image is built once
 * per class (it takes minutes on a 2-core machine) and removed at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class EngineContainerTests {

  WorkerImageFixture image;
  JsonNode verified;

  abstract ContainerEngine engine();

  @BeforeAll
  void buildImage() {
    image = WorkerImageFixture.build(engine().name());
  }

  @AfterAll
  void removeImage() {
    if (image != null) {
      image.remove();
    }
  }

  @Test
  @Order(1)
  void verifiesTheCpuInsideAContainer() {
    verified = ContainerChecks.verifiesCpu(image);
  }

  @Test
  @Order(2)
  void theContainerSeesWhatTheEngineSays() {
    ContainerChecks.containerSeesWhatEngineSays(image, verified != null ? verified : ContainerChecks.verifiesCpu(image));
  }

  @Test
  void aNamedJobsStepIsPairedInEachSidesSettings() {
    ContainerChecks.aNamedJobsStepIsPairedInEachSidesSettings(image);
  }

  @Test
  void aHangingWorkerIsKilledAndItsContainerRemoved() {
    ContainerChecks.hangIsKilledAndRemoved(image, engine());
  }

  @Test
  void aCrashingWorkerIsDiagnosedAndItsContainerRemoved() {
    ContainerChecks.segvIsDiagnosedAndRemoved(image, engine());
  }

  @Test
  void ctrlCStopsTheRunAndSaysWhatItRemoved() throws Exception {
    InterruptChecks.ctrlCInAContainerSaysWhatItStopped(image, engine().name());
  }

  @Test
  void aMissingImageNamesTheBuildCommand() {
    ContainerChecks.missingImageNamesTheBuildCommand(engine().name());
  }
}
