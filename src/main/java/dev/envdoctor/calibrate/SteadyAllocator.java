package dev.envdoctor.calibrate;

import java.util.Map;

/**
 * The C allocator settings of every child that times training steps: the JVM worker and Python,
 * natively and inside containers, so every side is measured alike.
 *
 * <p>By default glibc's malloc hands freed blocks above 128 KiB back to the kernel and moves its
 * mmap threshold as a process runs, so libtorch's per-step tensors cost a different number of page
 * faults in each process: on the 2-vCPU development VM the same one-thread mlp step took 6 ms in one
 * worker and 18-36 ms in the next (about 130,000 minor faults instead of 40,000). Fixing the mmap
 * threshold at 32 MiB (glibc's own upper bound for it on 64-bit) and trimming the heap only above
 * 512 MiB keeps the memory mapped between steps, and the step time repeats across processes
 * (docs/benchmarks.md). Either setting alone makes it worse: setting one turns glibc's dynamic
 * threshold off. Other C libraries (musl, macOS) ignore the variable.
 */
public final class SteadyAllocator {

  public static final String VARIABLE = "GLIBC_TUNABLES";
  public static final String VALUE = "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=536870912";

  private SteadyAllocator() {}

  /**
   * The variable to add to a native child's environment. A user who set glibc malloc tunables
   * keeps theirs (their training runs with them); other tunables they set are kept and ours added.
   */
  public static Map<String, String> env(Map<String, String> inherited) {
    String theirs = inherited.get(VARIABLE);
    if (theirs == null || theirs.isBlank()) {
      return Map.of(VARIABLE, VALUE);
    }
    if (theirs.contains("glibc.malloc.")) {
      return Map.of();
    }
    return Map.of(VARIABLE, theirs + ":" + VALUE);
  }

  /** {@code -e GLIBC_TUNABLES=...} for a container, whose environment inherits nothing of ours. */
  public static String containerAssignment() {
    return VARIABLE + "=" + VALUE;
  }
}
