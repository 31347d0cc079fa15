package dev.envdoctor.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real folders: a regular file where a folder should be cannot hold a cache, whoever runs the test. */
class EngineSetupTest {

  @TempDir
  Path tmp;

  @Test
  void firstWritableFolderWins() {
    EngineSetup s = EngineSetup.chooseCache(List.of(tmp.resolve("a"), tmp.resolve("b")));
    assertEquals(tmp.resolve("a"), s.cacheDir());
    assertNull(s.diagnosis());
  }

  @Test
  void fallsBackAndSaysWhy() throws Exception {
    Path blocker = Files.writeString(tmp.resolve("file"), "x");
    EngineSetup s = EngineSetup.chooseCache(List.of(blocker.resolve("djl"), tmp.resolve("b")));
    assertEquals(tmp.resolve("b"), s.cacheDir());
    assertTrue(s.diagnosis().contains("not writable"), s.diagnosis());
  }

  @Test
  void noneWritableIsADiagnosisNotAnException() throws Exception {
    Path blocker = Files.writeString(tmp.resolve("file"), "x");
    EngineSetup s = EngineSetup.chooseCache(List.of(blocker.resolve("a"), blocker.resolve("b")));
    assertNull(s.cacheDir());
    assertTrue(s.diagnosis().startsWith("no writable folder"), s.diagnosis());
  }

  @Test
  void flavorFromDjlCacheFolderNames() {
    assertEquals("cpu", EngineInfo.flavor("/root/.cache/envdoctor/djl/pytorch/2.7.1-20250812-cpu-linux-x86_64", null));
    assertEquals("cu128", EngineInfo.flavor("/c/pytorch/2.7.1-cu128-linux-x86_64", null));
    assertEquals("cu128", EngineInfo.flavor("/venv/lib/python3.12/site-packages/torch/lib", "cu128"));
    assertNull(EngineInfo.flavor(null, null));
  }
}
