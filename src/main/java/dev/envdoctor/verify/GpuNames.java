package dev.envdoctor.verify;

import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.model.Host;
import dev.envdoctor.probe.nvidia.CudaVisibleDevices;
import java.util.List;
import java.util.Locale;

/** The probe's names for the devices DJL and torch know only by number. */
final class GpuNames {

  private GpuNames() {}

  /** cuda:N gets the probe's name of the N-th NVIDIA GPU, mps the Apple GPU's (DJL knows no names). */
  static List<DeviceResult> of(List<DeviceResult> devices, Host host) {
    return of(devices, host, CudaVisibleDevices.of(null));
  }

  /**
   * The same through CUDA_VISIBLE_DEVICES: cuda:N is nvidia-smi's GPU as the variable maps it ("2,3":
   * cuda:0 is GPU 2); a device named by UUID gets no name here (the probe keeps no UUIDs), not another's.
   */
  static List<DeviceResult> of(List<DeviceResult> devices, Host host, CudaVisibleDevices visible) {
    if (host == null || host.gpus().isEmpty()) {
      return devices;
    }
    List<String> nvidia = host.gpus().stream().filter(g -> vendorIs(g.vendor(), "nvidia")).map(g -> g.name()).toList();
    List<String> apple = host.gpus().stream().filter(g -> vendorIs(g.vendor(), "apple")).map(g -> g.name()).toList();
    return devices.stream().map(d -> {
      String name = d.name();
      if (name == null && d.device() != null && d.device().matches("cuda:\\d+")) {
        int n = Integer.parseInt(d.device().substring(5));
        name = visible.smiIndex(n, nvidia.size(), null).filter(i -> i < nvidia.size()).map(nvidia::get).orElse(null);
      } else if (name == null && "mps".equals(d.device()) && !apple.isEmpty()) {
        name = apple.get(0);
      }
      return name == d.name() ? d : DeviceResultBuilder.builder(d).name(name).build();
    }).toList();
  }

  private static boolean vendorIs(String vendor, String name) {
    return vendor != null && vendor.toLowerCase(Locale.ROOT).contains(name);
  }
}
