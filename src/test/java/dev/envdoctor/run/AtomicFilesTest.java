package dev.envdoctor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir
  Path dir;

  @Test
  void theJdksWordsForARefusalBecomeOurs() {
    // the reasons as the JDK's UnixException puts them (strerror text)
    assertEquals("no space left on the device",
        AtomicFiles.reason(new FileSystemException("/r/x.json", null, "No space left on device")));
    assertEquals("the file system is read-only",
        AtomicFiles.reason(new FileSystemException("/r/x.json", null, "Read-only file system")));
    assertEquals("permission denied", AtomicFiles.reason(new AccessDeniedException("/r/x.json")));
  }

  @Test
  void aSetIsAllOrNone() throws Exception {
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(dir.resolve("a.json"), "{}");
    Files.createDirectory(dir.resolve("b.md"));
    files.put(dir.resolve("b.md"), "#");
    RunFailure f = assertThrows(RunFailure.class, () -> AtomicFiles.writeAll(files, ""));
    assertEquals(ExitCode.USAGE, f.status(), "a folder where the file should go is the user's input");
    try (var s = Files.list(dir)) {
      assertEquals(List.of("b.md"), s.map(p -> p.getFileName().toString()).toList(), "a.json was not put in place alone");
    }
  }

  @Test
  void writesWholeFilesAndLeavesNoTemporaryOne() throws Exception {
    AtomicFiles.write(dir.resolve("sub/r.md"), "# report", "");
    assertEquals("# report", Files.readString(dir.resolve("sub/r.md")));
    try (var s = Files.list(dir.resolve("sub"))) {
      assertTrue(s.allMatch(p -> p.getFileName().toString().equals("r.md")));
    }
  }
}
