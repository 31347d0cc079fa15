package dev.envdoctor.probe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The CPU features that matter for training speed, in the Linux kernel's spelling, in a fixed order. */
public final class MlFeatures {

  public static final List<String> NAMES = List.of(
      "sse4_2", "avx", "avx2", "fma", "f16c", "avx512f", "avx512dq", "avx512cd", "avx512bw", "avx512vl",
      "avx512_vnni", "avx512_bf16", "avx512_fp16", "avx_vnni", "amx_tile", "amx_bf16", "amx_int8", "amx_fp16",
      "asimd", "asimdhp", "asimddp", "fphp", "sve", "sve2", "bf16", "i8mm", "sme", "sme2");

  private MlFeatures() {}

  /** Those of {@code flags} that are in {@link #NAMES}, in its order. */
  public static List<String> pick(Collection<String> flags) {
    List<String> out = new ArrayList<>();
    for (String f : NAMES) {
      if (flags.contains(f)) {
        out.add(f);
      }
    }
    return out;
  }
}
