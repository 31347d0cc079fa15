package dev.envdoctor.probe.linux;

import dev.envdoctor.probe.Platform;
import dev.envdoctor.probe.Tool;
import dev.envdoctor.probe.nvidia.NvidiaGpuDetails;
import java.nio.file.Path;
import java.util.Map;

/** Linux: /proc and /sys for CPU, GPUs, power and virtualization; nvidia-smi for NVIDIA GPUs. */
public final class LinuxPlatform {

  private LinuxPlatform() {}

  /** {@code root} is "/" on a real machine, a recorded tree in tests. */
  public static Platform create(Tool tool, Map<String, String> env, Path root) {
    LinuxFiles files = new LinuxFiles(root);
    Cpuinfo cpuinfo = Cpuinfo.parse(files.read("/proc/cpuinfo"));
    NvidiaGpuDetails nvidia = new NvidiaGpuDetails(tool);
    // OSHI's cards are not read: it would run lspci and lshw; sysfs lists the same devices
    return new Platform("linux", new LinuxCpuDetails(files, cpuinfo), fromOshi -> nvidia.read(() -> PciDisplays.read(files)),
        new LinuxPowerDetails(files), new LinuxVirtualization(files, env, cpuinfo), new LinuxJvmTranslation(files));
  }
}
