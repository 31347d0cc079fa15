package dev.envdoctor.probe.macos;

import dev.envdoctor.probe.MlFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * macOS names its CPU features hw.optional.arm.FEAT_BF16, hw.optional.avx2_0 and
 * machdep.cpu.leaf7_features "AVX2 ..."; the report uses the Linux kernel's names (bf16, avx2) so
 * a Mac and a Linux box compare.
 */
final class MacCpuFeatures {

  /** macOS spelling (lower case, without "hw.optional." and "arm.") to the kernel's. */
  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("neon", "asimd"),
      Map.entry("advsimd", "asimd"),
      Map.entry("feat_fp16", "fphp"),
      Map.entry("neon_fp16", "fphp"),
      Map.entry("feat_dotprod", "asimddp"),
      Map.entry("feat_bf16", "bf16"),
      Map.entry("feat_i8mm", "i8mm"),
      Map.entry("feat_sme", "sme"),
      Map.entry("feat_sme2", "sme2"),
      Map.entry("sse4_2", "sse4_2"),
      Map.entry("avx1_0", "avx"),
      Map.entry("avx2_0", "avx2"),
      Map.entry("fma", "fma"),
      Map.entry("f16c", "f16c"),
      Map.entry("avx512f", "avx512f"),
      Map.entry("avx512dq", "avx512dq"),
      Map.entry("avx512cd", "avx512cd"),
      Map.entry("avx512bw", "avx512bw"),
      Map.entry("avx512vl", "avx512vl"),
      Map.entry("avx512vnni", "avx512_vnni"),
      Map.entry("avx2", "avx2"),
      Map.entry("avx1.0", "avx"),
      Map.entry("sse4.2", "sse4_2"));

  private MacCpuFeatures() {}

  static List<String> of(Sysctl s) {
    List<String> seen = new ArrayList<>();
    s.values().forEach((name, value) -> {
      if (name.startsWith("hw.optional.") && value.trim().equals("1")) {
        add(seen, name.substring("hw.optional.".length()).replaceFirst("^arm\\.", ""));
      }
    });
    for (String key : List.of("machdep.cpu.features", "machdep.cpu.leaf7_features")) {
      String v = s.get(key);
      if (v != null) {
        for (String f : v.trim().split("\\s+")) {
          add(seen, f);
        }
      }
    }
    return MlFeatures.pick(seen);
  }

  private static void add(List<String> seen, String macName) {
    String k = NAMES.get(macName.toLowerCase(Locale.ROOT));
    if (k != null && !seen.contains(k)) {
      seen.add(k);
    }
  }
}
