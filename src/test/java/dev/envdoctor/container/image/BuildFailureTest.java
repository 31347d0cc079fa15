package dev.envdoctor.container.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildFailureTest {

  /** docker build with the default base image on this offline machine (recorded 2026-11-25, docker 28.2.2 CLI). */
  @Test
  void unreachableRegistryNamesTheBaseImage() {
    String d = BuildFailure.describe(List.of(
        "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.",
        "            Install the buildx component to build images with BuildKit:",
        "            https://docs.docker.com/go/buildx/",
        "Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host"),
        null);
    assertTrue(d.startsWith("the base image eclipse-temurin:17-jre (the default) could not be pulled (Get "), d);
    assertTrue(d.endsWith("pass --base-image with an image the engine already has"), d);
    assertTrue(BuildFailure.why(List.of("Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io"
        + " on 10.255.255.53:53: no such host"), null).refused(), "the machine's network refused: exit 4, not 3");
  }

  @Test
  void otherwiseTheLastUsefulLine() {
    assertEquals("COPY failed: file not found", BuildFailure.describe(List.of("Step 3/9", "COPY failed: file not found"), "x"));
    assertTrue(!BuildFailure.why(List.of("COPY failed: file not found"), "x").refused());
  }
}
