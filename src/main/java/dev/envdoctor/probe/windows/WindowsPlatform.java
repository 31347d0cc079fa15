package dev.envdoctor.probe.windows;

import dev.envdoctor.model.PowerInfo;
import dev.envdoctor.model.Virtualization;
import dev.envdoctor.probe.Hypervisors;
import dev.envdoctor.probe.OshiBasics;
import dev.envdoctor.probe.Platform;
import dev.envdoctor.probe.Tool;
import dev.envdoctor.probe.nvidia.NvidiaGpuDetails;
import java.util.List;
import java.util.function.Supplier;
import oshi.SystemInfo;
import oshi.hardware.ComputerSystem;
import oshi.hardware.PowerSource;

/**
 * Windows, from OSHI alone (plus nvidia-smi, which the NVIDIA driver installs there too): no CPU
 * feature list or core split, power from OSHI's power sources, the hypervisor from the firmware's
 * vendor and model strings. Whether an x64 JVM runs emulated on Windows on Arm is not told.
 */
public final class WindowsPlatform {

  private WindowsPlatform() {}

  public static Platform create(Tool tool) {
    SystemInfo si = new SystemInfo();
    return new Platform("windows", new OshiBasics("windows"), Supplier::get, new NvidiaGpuDetails(tool), () -> power(si.getHardware().getPowerSources()),
        () -> virtualization(si.getHardware().getComputerSystem()), jvmArch -> null);
  }

  static PowerInfo power(List<PowerSource> sources) {
    if (sources.isEmpty()) {
      return new PowerInfo(null, null);
    }
    boolean onLine = sources.stream().anyMatch(PowerSource::isPowerOnLine);
    boolean discharging = sources.stream().anyMatch(PowerSource::isDischarging);
    return new PowerInfo(!onLine && discharging, null);
  }

  static Virtualization virtualization(ComputerSystem cs) {
    return new Virtualization(Hypervisors.fromFirmware(cs.getManufacturer() + " " + cs.getModel()), null);
  }
}
