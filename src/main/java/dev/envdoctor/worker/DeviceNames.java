package dev.envdoctor.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Which devices a {@code --device} value names on this machine. Pure: facts in, names out. */
public final class DeviceNames {

  private DeviceNames() {}

  /**
   * @param spec all, cpu, cuda (every GPU), cuda:N, or mps
   * @param gpuCount CUDA GPUs DJL sees
   * @param osName os.name of the JVM
   * @param osArch os.arch of the JVM (aarch64 on Apple Silicon, unless under Rosetta)
   * @return device names (cpu, cuda:0, mps), CPU first; an explicitly named device is kept even when
   *     it looks absent, so that trying it yields a diagnosis
   */
  public static List<String> select(String spec, int gpuCount, String osName, String osArch) {
    String s = spec == null ? "all" : spec.strip().toLowerCase(Locale.ROOT);
    List<String> names = new ArrayList<>();
    if (s.equals("all") || s.equals("cpu")) {
      names.add("cpu");
    }
    if (s.equals("all") || s.equals("cuda") || s.equals("gpu")) {
      for (int i = 0; i < gpuCount; i++) {
        names.add("cuda:" + i);
      }
      if (!s.equals("all") && gpuCount == 0) {
        names.add("cuda:0");
      }
    } else if (s.matches("(cuda|gpu):\\d+")) {
      names.add("cuda:" + s.substring(s.indexOf(':') + 1));
    }
    boolean appleSilicon = osName.toLowerCase(Locale.ROOT).contains("mac") && osArch.equals("aarch64");
    if (s.equals("mps") || (s.equals("all") && appleSilicon)) {
      names.add("mps");
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("unknown device '" + spec + "': use all, cpu, cuda, cuda:N or mps");
    }
    return names;
  }
}
