package dev.envdoctor.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.protocol.PipelineTiming;
import dev.envdoctor.protocol.SideAnswer;
import dev.envdoctor.protocol.SideCommand;
import dev.envdoctor.python.PythonBackend;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python side's commands beyond the contract's (docs/side-protocol.md), against Debian's Python
 * with torch (/usr/bin/python3) natively: a loop with DataLoader worker processes that leaves none
 * behind, and the {@code dir:} source of a real folder that holds what a user's folder may hold.
 */
class PythonCommandsIT {

  @TempDir
  Path temp;

  /** What the side said, and the side's processes seen after each command's answer (the side itself among them). */
  record Talk(List<SideAnswer> answers, CommandResult result, List<Integer> alive) {}

  /** Runs the side with the contract's settings, sends {@code commands} and counts its processes after each answer. */
  private static Talk talk(List<String> commands) {
    String mark = UUID.randomUUID().toString();
    List<SideAnswer> answers = new CopyOnWriteArrayList<>();
    List<Integer> alive = new CopyOnWriteArrayList<>();
    BiConsumer<String, SideAnswer> count = (c, a) -> {
      if (!c.equals("end")) { // after its end answer the side exits: counted once it has
        alive.add(sideProcesses(mark).size());
      }
    };
    List<String> argv = new ArrayList<>(List.of("/usr/bin/python3", "-c", PythonBackend.loader()));
    argv.addAll(SideContract.SETTINGS);
    CommandResult r = Jar.RUNNER.run(CommandSpec.of(SideContract.timeout(), argv).withStdin(PythonBackend.scriptOnStdin())
        .withEnv(Map.of("ENVDOCTOR_IT_MARK", mark)).withDialog(SideContract.conversation(commands, answers, count)));
    alive.add(sideProcesses(mark).size());
    assertEquals(CommandResult.Status.OK, r.status(), r.describe() + "\n" + r.stderr());
    return new Talk(new ArrayList<>(answers), r, new ArrayList<>(alive));
  }

  /** The processes of this side: its command line names envdoctor_torch and its environment holds this run's mark. */
  private static List<String> sideProcesses(String mark) {
    byte[] wanted = ("ENVDOCTOR_IT_MARK=" + mark).getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs.filter(p -> p.getFileName().toString().matches("[0-9]+"))
          .filter(p -> read(p.resolve("cmdline")).contains("envdoctor_torch"))
          .filter(p -> contains(bytes(p.resolve("environ")), wanted))
          .map(p -> p.getFileName() + " " + read(p.resolve("cmdline")).replace('\0', ' ').strip())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      return new byte[0]; // a process that ended meanwhile
    }
  }

  private static String read(Path p) {
    return new String(bytes(p), StandardCharsets.UTF_8);
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Test
  void aLoopWithWorkersJoinsThemBeforeItAnswers() {
    Talk t = talk(List.of("loop cpu yolov8n@64x2 2 640x360", "validate cpu yolov8n@64x2 amp", "loop cpu yolov8n@64x2 -1 640x360",
        "end"));
    assertEquals(List.of("hello", "loop", "error", "error", "end"), t.answers().stream().map(SideAnswer::answer).toList(),
        t.result().stderr());
    SideContract.checkLoop(t.answers().get(1).loop(), 2);
    assertTrue(t.answers().get(2).diagnosis().contains("CUDA only"), t.answers().get(2).diagnosis());
    assertTrue(t.answers().get(3).diagnosis().contains("-1 workers"), t.answers().get(3).diagnosis());
    // the side alone after each answer (the scan sees it: its workers would be seen the same way), nothing after its end
    assertEquals(List.of(1, 1, 1, 0), t.alive(), "processes of the side after each answer and after its end");
  }

  @Test
  void aFolderSourceTimesItsImagesAndNamesWhatItSkips() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("my données 1"));
    jpeg(dir.resolve("a.jpg"), 1);
    jpeg(dir.resolve("b.jpeg"), 2);
    jpeg(dir.resolve("C.JPG"), 3);
    byte[] noise = new byte[4096];
    new Random(42).nextBytes(noise);
    Files.write(dir.resolve("corrupt.jpg"), noise);
    Files.writeString(dir.resolve("notes.txt"), "not an image\n");
    Files.createDirectory(dir.resolve("bad.jpg"));
    // we run as root, where chmod 000 does not stop a read: a dangling link is the file that cannot be read
    Files.createSymbolicLink(dir.resolve("gone.jpg"), dir.resolve("nowhere.jpg"));
    Map<String, String> before = listing(dir);

    Path broken = Files.createDirectories(temp.resolve("broken"));
    Files.write(broken.resolve("x.jpg"), noise);
    Files.write(broken.resolve("y.png"), new byte[0]);

    String source = SideCommand.dataSource(dir);
    assertTrue(source.startsWith("dir:/") && !source.contains(" "), source);
    Talk t = talk(List.of(SideCommand.pipeline(source, 64, 8).line(), SideCommand.pipeline(SideCommand.dataSource(broken), 64, 8).line(),
        SideCommand.pipeline(SideCommand.dataSource(temp.resolve("missing")), 64, 8).line(), "end"));
    assertEquals(List.of("hello", "pipeline", "error", "error", "end"), t.answers().stream().map(SideAnswer::answer).toList(),
        t.result().stderr());

    PipelineTiming p = t.answers().get(1).pipeline();
    assertEquals("dir:" + dir.toAbsolutePath(), p.sourceSize(), "the path decoded, its space and accents kept");
    assertEquals(8, p.images());
    assertEquals(64, p.imgsz());
    assertTrue(p.secondsPerImage() > 0, p.toString());
    // of the 6 image names, the 3 JPEGs are used: the others are named with why
    assertEquals(List.of("bad.jpg", "corrupt.jpg", "gone.jpg"), p.skipped().stream().map(s -> s.substring(0, s.indexOf(':'))).sorted().toList(),
        p.toString());
    assertTrue(p.skipped().stream().anyMatch(s -> s.startsWith("bad.jpg: a folder")), p.skipped().toString());
    assertTrue(p.skipped().stream().anyMatch(s -> s.startsWith("gone.jpg: not readable")), p.skipped().toString());
    assertTrue(p.skipped().stream().anyMatch(s -> s.startsWith("corrupt.jpg: does not decode")), p.skipped().toString());
    assertEquals(before, listing(dir), "nothing in the folder changed");

    SideAnswer none = t.answers().get(2);
    assertEquals(1, none.diagnosis().lines().count(), none.diagnosis());
    assertTrue(none.diagnosis().contains("none of the 2 images in the folder " + broken.toAbsolutePath() + " decodes"), none.diagnosis());
    SideAnswer missing = t.answers().get(3);
    assertTrue(missing.diagnosis().contains(temp.resolve("missing").toAbsolutePath().toString()), missing.diagnosis());
  }

  /** A real JPEG of 320x240: blocks of colour. */
  private static void jpeg(Path file, int seed) throws IOException {
    BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    Random rnd = new Random(seed);
    for (int i = 0; i < 8; i++) {
      g.setColor(new Color(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256)));
      g.fillRect(rnd.nextInt(280), rnd.nextInt(200), 20 + rnd.nextInt(120), 20 + rnd.nextInt(100));
    }
    g.dispose();
    assertTrue(ImageIO.write(img, "jpg", file.toFile()), "a JPEG writer");
  }

  /** Each entry's name with its kind, size and modification time (links not followed), and the folder's own time ("."). */
  private static Map<String, String> listing(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    out.put(".", Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS).toString());
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        out.put(f.getFileName().toString(), (a.isSymbolicLink() ? "link " : a.isDirectory() ? "dir " : "file ") + a.size() + " "
            + a.lastModifiedTime());
      }
    }
    return out;
  }
}
