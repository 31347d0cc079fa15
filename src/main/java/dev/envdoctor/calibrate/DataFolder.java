package dev.envdoctor.calibrate;

import dev.envdoctor.protocol.SideCommand;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The user's folder of training images, checked before a side is sent to read it (the {@code dir:}
 * source of {@code pipeline} and {@code loop}, docs/side-protocol.md). Reads the folder's listing and
 * nothing else: names only, no file opened, no file's attributes read, nothing written; a listing of
 * 100,000 names takes a fraction of a second. Whether each image decodes is the side's to find out
 * (it names those it skips).
 */
public final class DataFolder {

  /** The names a side reads, as it matches them: case-insensitive. */
  private static final String[] IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png"};

  private DataFolder() {}

  /**
   * What {@link #check} found.
   *
   * @param source the command's source, {@link SideCommand#dataSource}; null when the folder cannot be used
   * @param candidates the image names a side will try, at most the limit; 0 when the folder cannot be used
   * @param diagnosis why the folder cannot be used, one line; null when it can
   * @param fix what to do about it; null when it can be used
   */
  public record Check(String source, int candidates, String diagnosis, String fix) {

    public boolean usable() {
      return diagnosis == null;
    }
  }

  /** The folder {@code dir} as a source of at most {@code limit} images, or why it is none. */
  public static Check check(Path dir, int limit) {
    String fix = "give the folder that holds the training images (.jpg, .jpeg or .png files)";
    if (!Files.exists(dir)) {
      return refused("no such folder: " + dir, fix);
    }
    if (!Files.isDirectory(dir)) {
      return refused(dir + " is not a folder", fix);
    }
    String unreadable = "the folder " + dir + " is not readable by this user";
    String grant = "let this user read and list the folder (chmod u+rx, or run as its owner)";
    if (!Files.isReadable(dir)) {
      return refused(unreadable, grant);
    }
    int images = 0;
    try (DirectoryStream<Path> names = Files.newDirectoryStream(dir)) {
      for (Path p : names) {
        if (isImageName(p.getFileName().toString())) {
          images++;
        }
      }
    } catch (AccessDeniedException e) {
      return refused(unreadable, grant);
    } catch (DirectoryIteratorException e) {
      return e.getCause() instanceof AccessDeniedException ? refused(unreadable, grant) : unlisted(dir, e.getCause(), grant);
    } catch (IOException | RuntimeException e) {
      return unlisted(dir, e, grant);
    }
    if (images == 0) {
      return refused("no .jpg, .jpeg or .png file in the folder " + dir, fix);
    }
    return new Check(SideCommand.dataSource(dir), Math.min(limit, images), null, null);
  }

  /** A name a side reads as an image: it ends .jpg, .jpeg or .png, in any case. */
  static boolean isImageName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String suffix : IMAGE_SUFFIXES) {
      if (lower.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  private static Check unlisted(Path dir, Exception e, String fix) {
    return refused("the folder " + dir + " could not be listed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), fix);
  }

  private static Check refused(String diagnosis, String fix) {
    return new Check(null, 0, diagnosis.replaceAll("[\\r\\n]+", " "), fix);
  }
}
