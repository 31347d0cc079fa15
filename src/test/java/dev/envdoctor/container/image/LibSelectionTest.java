package dev.envdoctor.container.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LibSelectionTest {

  static final List<String> MAC_LIB = List.of("api-0.36.0.jar", "pytorch-engine-0.36.0.jar", "pytorch-jni-2.7.1-0.36.0.jar",
      "pytorch-native-cpu-2.7.1-osx-aarch64.jar", "picocli-4.7.7.jar");

  @Test
  void theEnginesNativeJarGoesInOthersStayOut() {
    List<String> lib = List.of("api-0.36.0.jar", "pytorch-jni-2.7.1-0.36.0.jar", "pytorch-native-cpu-2.7.1-linux-x86_64.jar",
        "pytorch-native-cpu-2.7.1-osx-aarch64.jar");
    LibSelection s = LibSelection.of(lib, "amd64");
    assertTrue(s.present());
    assertEquals(List.of("api-0.36.0.jar", "pytorch-jni-2.7.1-0.36.0.jar", "pytorch-native-cpu-2.7.1-linux-x86_64.jar"),
        s.include());
  }

  @Test
  void aMacBuildForItsLinuxVmNamesTheJarItNeeds() {
    LibSelection s = LibSelection.of(MAC_LIB, "aarch64");
    assertFalse(s.present());
    assertEquals("pytorch-native-cpu-2.7.1-linux-aarch64.jar", s.needed());
    assertEquals("ai.djl.pytorch:pytorch-native-cpu:2.7.1:jar:linux-aarch64", s.neededArtifact());
    assertFalse(s.include().contains("pytorch-native-cpu-2.7.1-osx-aarch64.jar"));
  }
}
