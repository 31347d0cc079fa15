package dev.envdoctor.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.container.parse.AppleContainerParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Apple's container CLI outputs as users published them (recorded/apple-container/SOURCES.md). */
class AppleContainerParserTest {

  @ParameterizedTest
  @CsvSource({
      "version-0.3.0.txt, 0.3.0",
      "version-0.5.0.txt, 0.5.0",
      "version-1.2.1-macports.txt, 1.2.1",
      "version-1.3.1.txt, 1.3.1",
  })
  void versionLines(String file, String version) {
    String out = Recorded.read("apple-container/" + file);
    assertTrue(AppleContainerParser.isAppleContainer(out));
    assertEquals(version, AppleContainerParser.version(out));
  }

  @Test
  void aBuildWithoutItsVersionIsStillAppleContainer() {
    // MacPorts before 1.2.1 printed this (macports-ports PR #33932 quotes it)
    String out = "container CLI version  (build: release, commit: )\n";
    assertTrue(AppleContainerParser.isAppleContainer(out));
    assertNull(AppleContainerParser.version(out));
  }

  @ParameterizedTest
  @ValueSource(strings = {"other-docker-version-linux.txt", "other-podman-version-linux.txt"})
  void otherToolsVersionLinesAreNotAppleContainer(String file) {
    String out = Recorded.read("apple-container/" + file);
    assertFalse(AppleContainerParser.isAppleContainer(out));
    assertNull(AppleContainerParser.version(out));
    assertFalse(AppleContainerParser.isAppleContainer(""));
    assertFalse(AppleContainerParser.isAppleContainer(null));
  }

  @Test
  void serverVersionFromTheStatusTableOfEachRelease() {
    assertEquals("0.11.0", AppleContainerParser.serverVersion(Recorded.read("apple-container/status-running-0.11.0.txt")));
    assertNull(AppleContainerParser.serverVersion(Recorded.read("apple-container/status-running-0.3.0.txt")));
    assertNull(AppleContainerParser.serverVersion(Recorded.read("apple-container/status-not-registered.txt")));
  }

  @Test
  void containerDefaultsFromThePropertyList() {
    AppleContainerParser.Defaults v1 = AppleContainerParser.containerDefaults(
        Recorded.read("apple-container/property-list-1.x-docs.toml"));
    assertEquals(8, v1.cpus());
    assertEquals(4L << 30, v1.memoryBytes());
    AppleContainerParser.Defaults v06 = AppleContainerParser.containerDefaults(
        Recorded.read("apple-container/property-list-0.6.0.txt"));
    assertNull(v06.cpus(), "0.6's table has no per-container resources");
    assertNull(v06.memoryBytes());
  }

  @ParameterizedTest
  @CsvSource({"1g, 1073741824", "4gb, 4294967296", "2048mb, 2147483648", "2048, 2048", "512KiB, 524288", "lots, "})
  void memorySizesAreBinary(String text, Long bytes) {
    assertEquals(bytes, AppleContainerParser.memoryBytes(text));
  }

  @Test
  void imageArchitectureFromInspect() {
    assertEquals("arm64", AppleContainerParser.imageArchitecture(
        Recorded.read("apple-container/constructed-image-inspect-arm64.json")));
    assertEquals("amd64", AppleContainerParser.imageArchitecture(
        Recorded.read("apple-container/constructed-image-inspect-amd64-with-attestation.json")));
    assertNull(AppleContainerParser.imageArchitecture("Error: notFound: \"Images: nope\""));
    assertEquals("aarch64", new AppleContainerEngine().parseImageArchitecture(
        Recorded.read("apple-container/constructed-image-inspect-arm64.json")));
  }
}
