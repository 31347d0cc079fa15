package dev.envdoctor.verify;

import dev.envdoctor.Paths;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start this very program again as a worker child: the running JVM's java, the worker's JVM
 * flags and our jar (or classes directory with its class path).
 *
 * @param java the java executable
 * @param jvmFlags flags for the child JVM (see {@link #WORKER_FLAGS})
 * @param classpath our jar (its manifest names the lib/ jars) or, from a source tree, the class path
 */
public record SelfLauncher(String java, List<String> jvmFlags, String classpath) {

  /**
   * The worker child's JVM flags: fast start (C1 only, serial GC, CDS); C1's compile thresholds at
   * a twentieth, so DJL's Java side of a training step is compiled within the warm-up (with the
   * default thresholds the first 30 timed mlp steps ran 14-18% slower than the next 30, 6 workers
   * each on the dev VM; with 0.05, 1-4%, for 0.3-0.7 s more CPU: docs/benchmarks.md); a bounded
   * heap (tensors live in native memory), a heap OOM that ends the JVM at once (the parent
   * diagnoses it) and, on a crash, no core dump and the crash report in envdoctor's folder rather
   * than the current one; the JVM's own log warnings on stderr, never on stdout, which carries the
   * protocol's JSON. Containers use the same list, with their own crash-report folder and the
   * image's CDS archive.
   */
  public static final List<String> WORKER_FLAGS = List.of(
      "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.05", "-Xshare:auto",
      "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-XX:-CreateCoredumpOnCrash", "--enable-native-access=ALL-UNNAMED",
      "-Xlog:disable", "-Xlog:all=warning:stderr");

  public SelfLauncher {
    jvmFlags = List.copyOf(jvmFlags);
  }

  /** The JVM running now and where our code came from. */
  public static SelfLauncher current() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> flags = new ArrayList<>(WORKER_FLAGS);
    flags.add("-XX:ErrorFile=" + Paths.home().resolve("hs_err_pid%p.log"));
    return new SelfLauncher(java, flags, ourClasspath());
  }

  /** With its class-data-sharing archive (WorkerArchive), when our code is one jar; null otherwise. */
  public WorkerArchive archive() {
    return WorkerArchive.of(classpath, Path.of(java).getParent().getParent().toString(),
        System.getProperty("java.version"), Paths.home().resolve("cds"), ProcessHandle.current().pid());
  }

  /** The same launcher with more JVM flags (tests give the OOM fault a small heap). */
  public SelfLauncher withFlags(List<String> more) {
    List<String> all = new ArrayList<>(jvmFlags);
    all.addAll(more);
    return new SelfLauncher(java, all, classpath);
  }

  /** {@code [java, flags..., -cp, classpath, dev.envdoctor.Main, worker]}: the worker arguments follow. */
  public List<String> prefix() {
    List<String> argv = new ArrayList<>();
    argv.add(java);
    argv.addAll(jvmFlags);
    argv.add("-cp");
    argv.add(classpath);
    argv.add("dev.envdoctor.Main");
    argv.add("worker");
    return argv;
  }

  private static String ourClasspath() {
    try {
      var source = SelfLauncher.class.getProtectionDomain().getCodeSource();
      Path where = source == null ? null : Path.of(source.getLocation().toURI());
      if (where != null && Files.isRegularFile(where)) {
        return where.toString(); // envdoctor.jar: its manifest Class-Path brings lib/*.jar
      }
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      // fall through to the class path this JVM was started with
    }
    return System.getProperty("java.class.path");
  }
}
