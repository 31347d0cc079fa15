package dev.envdoctor.container;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which --backend values run the JVM worker inside the containers. */
class ContainerBackendTest {

  @Test
  void djlRunsForDjlAllAndListsThatNameIt() {
    assertTrue(ContainerStage.djlWanted("all"));
    assertTrue(ContainerStage.djlWanted("djl"));
    assertTrue(ContainerStage.djlWanted("python,djl"));
    assertFalse(ContainerStage.djlWanted("python"));
  }
}
