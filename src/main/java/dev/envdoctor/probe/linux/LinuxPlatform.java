package dev.envdoctor.probe.linux;

import dev.envdoctor.probe.Platform;
import dev.envdoctor.probe.Tool;
import dev.envdoctor.probe.nvidia.NvidiaGpuDetails;
import java.nio.file.Path;
import java.util.Map;

/** Linux: /proc, /sys and /etc for everything but NVIDIA GPUs, which nvidia-smi tells; no OSHI. */
public final class LinuxPlatform {

  private LinuxPlatform() {}

  /** {@code root} is "/" on a real machine, a recorded tree in tests. */
  public static Platform create(Tool tool, Map<String, String> env, Path root) {
    LinuxFiles files = new LinuxFiles(root);
    Cpuinfo cpuinfo = Cpuinfo.parse(files.read("/proc/cpuinfo"));
    return new Platform("linux", new LinuxBasics(files, cpuinfo), new LinuxCpuDetails(files, cpuinfo),
        new NvidiaGpuDetails(tool), new LinuxPowerDetails(files), new LinuxVirtualization(files, env, cpuinfo, tool),
        new LinuxJvmTranslation(files));
  }
}
