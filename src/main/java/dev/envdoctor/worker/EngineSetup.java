package dev.envdoctor.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prepares DJL before its engine class is touched: offline mode (natives come from the classifier
 * jar on the class path, never from the download mirror), cache folders under envdoctor's own
 * folder, and the thread counts libtorch reads at start-up.
 *
 * @param cacheDir the DJL cache folder in use, or null when none is writable
 * @param diagnosis why the preferred folder was not used, or null
 */
public record EngineSetup(Path cacheDir, String diagnosis) {

  /** Sets the system properties DJL reads at engine start; call once, before {@code Engine.getInstance()}. */
  public static EngineSetup configure(Path home, Path tmp, int threads) {
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    // inter-op parallelism would compete with the intra-op threads we time; one pool only
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    EngineSetup setup = chooseCache(List.of(home.resolve("djl"), tmp.resolve("envdoctor-djl-" + System.getProperty("user.name"))));
    if (setup.cacheDir() != null) {
      // DJL reads these as system properties or environment variables of the same names
      System.setProperty("DJL_CACHE_DIR", setup.cacheDir().toString());
      System.setProperty("ENGINE_CACHE_DIR", setup.cacheDir().toString());
    }
    return setup;
  }

  /** The first candidate folder that can be created and written; a diagnosis when it is not the first. */
  static EngineSetup chooseCache(List<Path> candidates) {
    String first = null;
    for (Path dir : candidates) {
      if (writable(dir)) {
        return new EngineSetup(dir, first == null ? null
            : "the DJL cache folder " + first + " is not writable; used " + dir);
      }
      first = first == null ? dir.toString() : first;
    }
    return new EngineSetup(null, "no writable folder for DJL's native library cache (tried "
        + String.join(", ", candidates.stream().map(Path::toString).toList()) + ")");
  }

  private static boolean writable(Path dir) {
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".write", ".probe");
      Files.delete(probe);
      return true;
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      return false;
    }
  }
}
