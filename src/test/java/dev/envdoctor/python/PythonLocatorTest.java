package dev.envdoctor.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search order people expect: --python, $VIRTUAL_ENV, $CONDA_PREFIX, then python3 on PATH. */
class PythonLocatorTest {

  @TempDir
  Path dir;

  private Path executable(String relative) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "#!/bin/sh\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  @Test
  void explicitPathWinsOverEverything() throws IOException {
    Path venv = executable("venv/bin/python3");
    Path mine = executable("mine/python");
    var env = Map.of("VIRTUAL_ENV", dir.resolve("venv").toString(), "PATH", venv.getParent().toString());
    var found = new PythonLocator(env, false).locate(mine).orElseThrow();
    assertEquals(mine, found.executable());
    assertEquals("--python", found.found());
  }

  @Test
  void explicitDirectoryIsAnEnvironmentRoot() throws IOException {
    Path python = executable("env/bin/python3");
    var found = new PythonLocator(Map.of(), false).locate(dir.resolve("env")).orElseThrow();
    assertEquals(python, found.executable());
  }

  @Test
  void explicitMissingPathIsKeptSoTheRunCanSaySo() {
    Path missing = dir.resolve("nope/python");
    assertEquals(missing, new PythonLocator(Map.of(), false).locate(missing).orElseThrow().executable());
  }

  @Test
  void virtualEnvBeforeCondaBeforePath() throws IOException {
    Path venv = executable("venv/bin/python3");
    Path conda = executable("conda/bin/python");
    Path onPath = executable("usr/bin/python3");
    String path = onPath.getParent().toString();
    var all = Map.of("VIRTUAL_ENV", dir.resolve("venv").toString(), "CONDA_PREFIX", dir.resolve("conda").toString(),
        "PATH", path);
    assertEquals(new PythonLocator.Located(venv, "VIRTUAL_ENV"), new PythonLocator(all, false).locate(null).orElseThrow());
    var noVenv = Map.of("CONDA_PREFIX", dir.resolve("conda").toString(), "PATH", path);
    assertEquals(new PythonLocator.Located(conda, "CONDA_PREFIX"), new PythonLocator(noVenv, false).locate(null).orElseThrow());
    assertEquals(new PythonLocator.Located(onPath, "PATH"), new PythonLocator(Map.of("PATH", path), false).locate(null).orElseThrow());
  }

  @Test
  void aVariablePointingAtNoInterpreterFallsThrough() throws IOException {
    Path onPath = executable("bin/python3");
    var env = Map.of("VIRTUAL_ENV", dir.resolve("gone").toString(), "PATH", "/nonexistent:" + onPath.getParent());
    assertEquals("PATH", new PythonLocator(env, false).locate(null).orElseThrow().found());
  }

  @Test
  void nothingAnywhereIsEmpty() {
    assertTrue(new PythonLocator(Map.of("PATH", dir.toString()), false).locate(null).isEmpty());
  }

  @Test
  void windowsLayout() throws IOException {
    Path python = executable("venv/Scripts/python.exe");
    var env = Map.of("VIRTUAL_ENV", dir.resolve("venv").toString());
    assertEquals(python, new PythonLocator(env, true).locate(null).orElseThrow().executable());
  }
}
