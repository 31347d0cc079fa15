package dev.envdoctor.worker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.protocol.Diagnosis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Messages recorded from the real engine on this machine (recorded/djl/SOURCES.md). */
class DeviceErrorsTest {

  private static String recorded(String name) throws IOException {
    try (InputStream in = DeviceErrorsTest.class.getResourceAsStream("/recorded/djl/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

  @Test
  void cudaOnTheCpuLibtorch() throws IOException {
    Diagnosis d = DeviceErrors.explain("cuda:0", recorded("cuda-on-cpu-libtorch.txt"));
    assertTrue(d.line().contains("this libtorch is a CPU build"), d.line());
    assertTrue(d.fix().contains("pytorch-native-cu"), d.fix());
  }

  @Test
  void mpsOnLinux() throws IOException {
    Diagnosis d = DeviceErrors.explain("mps", recorded("mps-on-linux-libtorch.txt"));
    assertTrue(d.line().contains("no MPS backend"), d.line());
    assertTrue(d.fix().contains("arm64 JVM"), d.fix());
  }

  @Test
  void anythingElseKeepsTheMessage() {
    Diagnosis d = DeviceErrors.explain("cpu", "something odd");
    assertTrue(d.line().endsWith("something odd"));
  }
}
