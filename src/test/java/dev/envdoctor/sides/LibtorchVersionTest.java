package dev.envdoctor.sides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibtorchVersionTest {

  @TempDir
  Path tmp;

  @Test
  void pipTorchFolder() throws Exception {
    Path lib = Files.createDirectories(tmp.resolve("site-packages/torch/lib"));
    // the line as a pip wheel writes it (torch/version.py)
    Files.writeString(lib.getParent().resolve("version.py"), "from typing import Optional\n__version__ = '2.11.0+cu130'\n");
    assertEquals("2.11.0+cu130", LibtorchVersion.at(lib.toString()));
    Files.writeString(lib.resolve("libtorch.so"), "");
    assertEquals("2.11.0+cu130", LibtorchVersion.at(lib.resolve("libtorch.so").toString()));
  }

  @Test
  void libtorchDownload() throws Exception {
    Path lib = Files.createDirectories(tmp.resolve("libtorch/lib"));
    Files.writeString(lib.getParent().resolve("build-version"), "2.7.1+cu128\n");
    assertEquals("2.7.1+cu128", LibtorchVersion.at(lib.toString()));
  }

  @Test
  void unknown() {
    assertNull(LibtorchVersion.at(tmp.resolve("nowhere").toString()));
    assertNull(LibtorchVersion.at(null));
  }
}
