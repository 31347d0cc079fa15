package dev.envdoctor.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the files a user gets (reports, --junit, --init, --out): each to a temporary file beside
 * it, then renamed into place, so a full disk or a crash never leaves a truncated file where a
 * whole one is expected. A set of files is all or nothing: when one cannot be written, none of
 * the set is put in place and every temporary file is removed.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /** One file; a failure is one line naming the folder and the fix (exit 4, or 2 for a path that cannot be a file). */
  public static void write(Path file, String text, String hint) {
    Map<Path, String> one = new LinkedHashMap<>();
    one.put(file, text);
    writeAll(one, hint);
  }

  /**
   * Every file of {@code files} (path to text), or none of them.
   *
   * @param hint what else the user can do, appended to the one-line message ("" for none)
   */
  public static void writeAll(Map<Path, String> files, String hint) {
    List<Path[]> staged = new ArrayList<>();
    try {
      for (Map.Entry<Path, String> e : files.entrySet()) {
        Path target = e.getKey().toAbsolutePath();
        Path dir = target.getParent();
        if (Files.isDirectory(target)) {
          throw RunFailure.badInput("cannot write " + e.getKey() + ": it is a folder" + hint);
        }
        Path file = existingAncestor(dir);
        if (file != null && !Files.isDirectory(file)) {
          throw RunFailure.badInput("cannot write " + e.getKey() + ": " + file + " is a file, not a folder" + hint);
        }
        try {
          Files.createDirectories(dir);
          Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
          staged.add(new Path[] {tmp, target});
          Files.writeString(tmp, e.getValue(), StandardCharsets.UTF_8);
        } catch (IOException | SecurityException ex) {
          throw refused(dir, ex, hint);
        }
      }
      for (Path[] s : staged) {
        try {
          move(s[0], s[1]);
        } catch (IOException ex) {
          throw refused(s[1].getParent(), ex, hint);
        }
      }
      staged.clear();
    } finally {
      for (Path[] s : staged) {
        try {
          Files.deleteIfExists(s[0]);
        } catch (IOException ignored) {
          // the folder refused the write; it may refuse the delete as well, and there is no more to do
        }
      }
    }
  }

  /** The nearest part of {@code dir} that exists, or null. */
  private static Path existingAncestor(Path dir) {
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        return p;
      }
    }
    return null;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** What the folder refused, in words, with the fix; the bad-environment exit code. */
  public static RunFailure refused(Path dir, Exception e, String hint) {
    String why = reason(e);
    String fix = switch (why) {
      case "no space left on the device" -> "free some space there";
      case "the file system is read-only", "permission denied" -> "make it writable";
      case "the folder does not exist and cannot be created" -> "create it";
      default -> "check the folder";
    };
    return RunFailure.badEnvironment("cannot write into " + dir + ": " + why + "; " + fix + hint);
  }

  static String reason(Exception e) {
    String msg = String.valueOf(e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
        : e.getMessage()).toLowerCase(Locale.ROOT);
    if (msg.contains("no space left") || msg.contains("disk quota")) {
      return "no space left on the device";
    }
    if (msg.contains("read-only")) {
      return "the file system is read-only";
    }
    if (e instanceof AccessDeniedException || e instanceof SecurityException || msg.contains("permission denied")) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "the folder does not exist and cannot be created";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
