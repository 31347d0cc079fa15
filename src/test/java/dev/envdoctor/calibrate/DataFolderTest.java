package dev.envdoctor.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.protocol.SideCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DataFolder#check} on real folders of this machine's temp directory. */
class DataFolderTest {

  @TempDir
  Path temp;

  private static void refused(DataFolder.Check c, String diagnosisPart) {
    assertNull(c.source(), c.toString());
    assertEquals(0, c.candidates(), c.toString());
    assertNotNull(c.diagnosis(), c.toString());
    assertTrue(c.diagnosis().contains(diagnosisPart), c.diagnosis());
    assertEquals(1, c.diagnosis().lines().count(), "one line: " + c.diagnosis());
    assertNotNull(c.fix(), c.toString());
  }

  @Test
  void aMissingFolderIsNamed() {
    Path missing = temp.resolve("no such");
    refused(DataFolder.check(missing, 64), "no such folder: " + missing);
  }

  @Test
  void aFileIsNotAFolder() throws IOException {
    Path file = Files.writeString(temp.resolve("images.jpg"), "x");
    refused(DataFolder.check(file, 64), file + " is not a folder");
  }

  @Test
  void aFolderWithoutImageNamesIsRefused() throws IOException {
    Path empty = Files.createDirectory(temp.resolve("empty"));
    refused(DataFolder.check(empty, 64), "no .jpg, .jpeg or .png file in the folder " + empty);
    Path other = Files.createDirectory(temp.resolve("other"));
    Files.writeString(other.resolve("labels.txt"), "0 0.5 0.5 0.1 0.1\n");
    Files.writeString(other.resolve("a.jpg.txt"), "");
    Files.createDirectory(other.resolve("train"));
    refused(DataFolder.check(other, 64), "no .jpg, .jpeg or .png file in the folder " + other);
  }

  // An unreadable folder is not tested here: the tests run as root, where chmod 000 does not stop a
  // listing (Files.isReadable stays true). The side's unreadable file is tested in PythonCommandsIT
  // with a dangling link and a folder named bad.jpg.

  @Test
  void imageNamesOfAnyCaseAreCountedUpToTheLimit() throws IOException {
    Path dir = Files.createDirectory(temp.resolve("mixed case"));
    for (String name : List.of("a.JPG", "b.jpeg", "c.Png", "d.gif", "e.txt")) {
      Files.createFile(dir.resolve(name));
    }
    DataFolder.Check all = DataFolder.check(dir, 64);
    assertNull(all.diagnosis(), all.diagnosis());
    assertEquals(3, all.candidates());
    assertEquals(SideCommand.dataSource(dir), all.source());
    assertEquals("dir:" + dir.toAbsolutePath().toString().replace(" ", "%20"), all.source());
    assertEquals(2, DataFolder.check(dir, 2).candidates(), "the limit caps the candidates");
  }

  @Test
  void aHundredThousandNamesAreListedQuicklyAndNothingIsWritten() throws IOException {
    Path dir = Files.createDirectory(temp.resolve("big"));
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      Files.createFile(dir.resolve(String.format("img%06d.jpg", i)));
    }
    FileTime mtime = Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS);
    List<String> before = names(dir);

    long t0 = System.nanoTime();
    DataFolder.Check c = DataFolder.check(dir, 64);
    double seconds = (System.nanoTime() - t0) / 1e9;

    assertNull(c.diagnosis(), c.diagnosis());
    assertEquals(64, c.candidates(), "the limit, of " + n);
    // names only, no file opened or stat'ed: well under a second here (a 2-core VM); 5 s leaves room for a loaded one
    assertTrue(seconds < 5.0, "listing " + n + " names took " + seconds + " s");
    System.out.printf("DataFolder.check of %d names: %.3f s%n", n, seconds);
    assertEquals(before, names(dir), "the same names afterwards");
    assertEquals(mtime, Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS), "nothing written into the folder");
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
