package dev.envdoctor.protocol;

import dev.envdoctor.protocol.Diagnosis;
import dev.envdoctor.exec.CommandResult;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a worker child's death means, from what it left: its status, exit code and stderr text, and
 * the environment it ran with. Pure functions: text in, one {@link Diagnosis} out. The most
 * specific cause wins (a JNI mismatch over "killed by a signal").
 */
public final class CrashDiagnoses {

  /** The libtorch version the bundled DJL JNI (pytorch-jni 2.7.1-0.36.0) was built against. */
  public static final String JNI_LIBTORCH = "2.7.1";

  private static final Pattern UNDEFINED_SYMBOL = Pattern.compile("undefined symbol: (\\S+)");
  private static final Pattern DJL_CACHE_DIR = Pattern.compile("pytorch/(\\d+\\.\\d+\\.\\d+)-(cpu|cu\\d+)");
  private static final Pattern JVM_FATAL_SIGNAL = Pattern.compile("#\\s+(SIG[A-Z]+) \\(0x[0-9a-f]+\\)");
  private static final Pattern HS_ERR = Pattern.compile("# (/\\S*hs_err_pid\\d+\\.log)");

  private CrashDiagnoses() {}

  /**
   * @param result the finished child
   * @param env the environment the child saw (PYTORCH_LIBRARY_PATH, PYTORCH_VERSION, ...)
   * @param libtorchAtPath the torch version found at PYTORCH_LIBRARY_PATH, when the caller knows it
   */
  public static Diagnosis diagnose(CommandResult result, Map<String, String> env, String libtorchAtPath) {
    // HotSpot writes its fatal-error banner to stdout, libraries write to stderr: read both
    String err = (result.stderr() == null ? "" : result.stderr()) + "\n" + (result.stdout() == null ? "" : result.stdout());
    String program = result.spec().program();
    if (result.status() == CommandResult.Status.NOT_FOUND) {
      return new Diagnosis("could not start the worker: " + program + " not found",
          "install it or put it on PATH (a JDK 17+ for the JVM worker)");
    }
    Optional<Diagnosis> known = fromText(err, env, libtorchAtPath).or(() -> outOfMemory(err, result));
    if (known.isPresent()) {
      return known.get();
    }
    return switch (result.status()) {
      case TIMED_OUT, STOPPED -> new Diagnosis(
          "the worker gave no answer within " + result.spec().timeout().toSeconds() + " s and was killed (a hang in the"
              + " device runtime, or a device far slower than expected)",
          "run 'envdoctor verify --device cpu' to see whether the CPU alone works; the log has the worker's last steps");
      case SIGNALLED -> signalled(result.signal(), err);
      case FAILED -> jvmFatal(err).orElse(new Diagnosis(
          "the worker exited with code " + result.exitCode() + " without a result",
          "see the worker's last lines below and the log file"));
      case OK -> garbage(result.stdout());
      case NOT_FOUND -> throw new IllegalStateException("handled above");
    };
  }

  /**
   * The causes an error text names on its own, whether the child died of it or reported it (the
   * worker runs this on an exception message too).
   */
  public static Optional<Diagnosis> fromText(String text, Map<String, String> env, String libtorchAtPath) {
    return jniMismatch(text, env, libtorchAtPath)
        .or(() -> cudaDriver(text))
        .or(() -> nativesMissing(text))
        .or(() -> metal(text))
        .or(() -> cacheNotWritable(text));
  }

  /** {@code undefined symbol} from libdjl_torch: the JNI and the libtorch it loaded differ. */
  static Optional<Diagnosis> jniMismatch(String err, Map<String, String> env, String libtorchAtPath) {
    Matcher m = UNDEFINED_SYMBOL.matcher(err);
    if (!m.find() || !(err.contains("djl_torch") || env.containsKey("PYTORCH_LIBRARY_PATH"))) {
      return Optional.empty();
    }
    Matcher dir = DJL_CACHE_DIR.matcher(err);
    String jni = dir.find() ? dir.group(1) : JNI_LIBTORCH;
    String path = env.get("PYTORCH_LIBRARY_PATH");
    String other = libtorchAtPath != null ? libtorchAtPath : env.getOrDefault("PYTORCH_VERSION", "another version");
    String where = path != null ? " at PYTORCH_LIBRARY_PATH=" + path : "";
    return Optional.of(new Diagnosis(
        "DJL's JNI for libtorch " + jni + " was loaded against the libtorch " + other + where
            + ": symbol lookup error, undefined symbol " + m.group(1),
        "use the libtorch the JNI was built for: unset PYTORCH_LIBRARY_PATH and ship the matching"
            + " ai.djl.pytorch:pytorch-native-cu* (or -cpu) " + jni + " jar, or point PYTORCH_LIBRARY_PATH at a libtorch "
            + jni + " and set PYTORCH_VERSION=" + jni));
  }

  public static Optional<Diagnosis> cudaDriver(String err) {
    if (!err.contains("CUDA driver version is insufficient")) {
      return Optional.empty();
    }
    return Optional.of(new Diagnosis(
        "the NVIDIA driver is older than the CUDA runtime libtorch was built with (CUDA driver version is insufficient"
            + " for CUDA runtime version)",
        "update the NVIDIA driver (nvidia-smi shows the highest CUDA it supports), or use a libtorch built for an older"
            + " CUDA"));
  }

  /** DJL found no libtorch for this platform and, offline, cannot download one. */
  static Optional<Diagnosis> nativesMissing(String err) {
    boolean offline = err.contains("Offline mode is enabled") || err.contains("ai.djl.offline")
        || err.contains("Failed to download PyTorch native library") || err.contains("UnknownHostException")
        || err.contains("Network is unreachable");
    boolean noNatives = err.contains("Failed to load PyTorch native library") || err.contains("No matching")
        || err.contains("Native library not found") || err.contains("downloadPyTorch");
    if (!(offline || noNatives) || !err.toLowerCase(java.util.Locale.ROOT).contains("pytorch")) {
      return Optional.empty();
    }
    return Optional.of(new Diagnosis(
        "DJL found no PyTorch native library for this platform, and envdoctor runs offline (no download)",
        "install envdoctor's build for this platform: it carries ai.djl.pytorch:pytorch-native-cpu:" + JNI_LIBTORCH
            + " with this platform's classifier (linux-x86_64, linux-aarch64, osx-aarch64, win-x86_64); or rebuild"
            + " with './mvnw package' on this machine"));
  }

  static Optional<Diagnosis> outOfMemory(String err, CommandResult result) {
    boolean javaHeap = err.contains("java.lang.OutOfMemoryError");
    boolean nativeOom = err.contains("CUDA out of memory") || err.contains("not enough memory")
        || err.contains("MPS backend out of memory") || err.contains("std::bad_alloc");
    boolean killed = result.status() == CommandResult.Status.SIGNALLED && result.signal() == 9;
    if (!javaHeap && !nativeOom && !killed) {
      return Optional.empty();
    }
    String what = javaHeap ? "the worker's Java heap is exhausted (java.lang.OutOfMemoryError)"
        : nativeOom ? "the device ran out of memory"
        : "the worker was killed by SIGKILL, most often the kernel's out-of-memory killer or a container memory limit";
    return Optional.of(new Diagnosis(what,
        "free memory (close other jobs), give the container more memory, or calibrate with a smaller --batch/--imgsz"));
  }

  /** A Metal API assertion, or MPS refusing to work (the usual sign of a macOS VM without a GPU). */
  static Optional<Diagnosis> metal(String err) {
    boolean assertion = err.contains("failed assertion") && (err.contains("MTL") || err.contains("Metal") || err.contains("MPS"));
    if (err.contains("MPS backend out of memory") && err.contains("MPS allocated: 0 bytes")
        || err.contains("Apple Paravirtual device")) {
      return Optional.of(new Diagnosis(
          "MPS cannot allocate even its first buffer: the GPU is a virtual machine's paravirtual device, which does not"
              + " run PyTorch's Metal kernels",
          "train on the host Mac itself, or on CPU inside the VM"));
    }
    boolean mpsUnavailable = err.contains("MPS backend is supported on MacOS") || err.contains("MPS backend is not available")
        || err.contains("Skipping device") && err.contains("Metal 2.0");
    if (!assertion && !mpsUnavailable) {
      return Optional.empty();
    }
    return Optional.of(assertion
        ? new Diagnosis("Metal aborted the worker with an assertion (MPS)",
            "update macOS; if it persists, train on CPU and report it with the lines below")
        : new Diagnosis("MPS is not usable here: " + firstLineWith(err, "MPS", "Metal"),
            "MPS needs an Apple Silicon Mac running macOS 13+ natively (not a VM); use --device cpu otherwise"));
  }

  static Optional<Diagnosis> cacheNotWritable(String err) {
    if (!(err.contains("cache") && (err.contains("Permission denied") || err.contains("Read-only file system")
        || err.contains("AccessDeniedException")))) {
      return Optional.empty();
    }
    return Optional.of(new Diagnosis("DJL could not write its cache directory: " + firstLineWith(err, "Permission denied",
        "Read-only file system", "AccessDeniedException"),
        "set ENVDOCTOR_HOME to a writable directory (the DJL cache lives under it)"));
  }

  static Diagnosis signalled(int signal, String err) {
    return jvmFatal(err).orElse(switch (signal) {
      case 11 -> new Diagnosis("the worker crashed with SIGSEGV (a segmentation fault in native code: libtorch or a"
          + " driver)", "run 'envdoctor verify --device cpu'; if the CPU works, the device's driver or runtime is at fault");
      case 6 -> new Diagnosis("the worker aborted (SIGABRT): a native library called abort()",
          "see the worker's last lines below; a C++ exception or an assertion in libtorch or a driver is the usual cause");
      case 7, 10 -> new Diagnosis("the worker crashed with SIGBUS (a bad memory access, often a full /dev/shm or disk)",
          "free space on /dev/shm and the cache disk, then retry");
      default -> new Diagnosis("the worker was killed by signal " + signal,
          "see the worker's last lines below; was it stopped by hand or by a supervisor?");
    });
  }

  /** HotSpot's own crash report: "A fatal error has been detected by the Java Runtime Environment". */
  static Optional<Diagnosis> jvmFatal(String err) {
    if (!err.contains("A fatal error has been detected by the Java Runtime Environment")) {
      return Optional.empty();
    }
    Matcher sig = JVM_FATAL_SIGNAL.matcher(err);
    String signal = sig.find() ? sig.group(1) : "a fatal signal";
    Matcher hs = HS_ERR.matcher(err);
    String report = hs.find() ? " (crash report: " + hs.group(1) + ")" : "";
    Matcher frame = Pattern.compile("# C  \\[([^\\]]+)\\]([^\\n]*)").matcher(err);
    String where = frame.find() ? " in " + (frame.group(1) + frame.group(2)).strip() : " in native code";
    return Optional.of(new Diagnosis("the worker's JVM crashed with " + signal + where + report,
        "run 'envdoctor verify --device cpu'; if the CPU works, the device's driver or runtime is at fault"));
  }

  static Diagnosis garbage(String stdout) {
    // the side's answers are not garbage: the first line that is none, if any
    String first = stdout == null || stdout.isBlank() ? ""
        : stdout.strip().lines().filter(l -> !l.isBlank() && SideAnswer.parse(l).isEmpty()).findFirst().orElse("");
    Optional<String> protocol = SideJson.claimedProtocol(stdout);
    if (protocol.isPresent() && !protocol.get().equals(WorkerOutput.PROTOCOL)) {
      return new Diagnosis("the worker speaks protocol " + protocol.get() + ", not "
          + WorkerOutput.PROTOCOL, "use the same envdoctor version inside and outside the container"
          + " (rebuild the image: envdoctor image build)");
    }
    return new Diagnosis(first.isEmpty() ? "the worker exited before it had answered every command"
        : "the worker printed something that is not an answer; its output began: " + abbreviate(first, 120),
        "something else writes to the worker's stdout (a wrapper script, a shell profile in the image); see the log");
  }

  private static String firstLineWith(String text, String... needles) {
    return text.lines().filter(l -> java.util.Arrays.stream(needles).anyMatch(l::contains)).findFirst()
        .map(l -> abbreviate(l.strip(), 160)).orElse("");
  }

  static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
