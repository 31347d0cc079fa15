package dev.envdoctor.recommend;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one side (native, docker, podman, ...) offers on the compared workload: its verified
 * calibrations, fastest first, and the figure that stands for the side. The figure is the
 * python backend's fastest device where the side has python calibrations (the user trains with
 * Python), else the fastest of any backend.
 */
public record Side(String runtime, List<Calibration> options, Calibration figure) {

  public Side {
    options = List.copyOf(options);
  }

  public boolean isNative() {
    return Sides.NATIVE.equals(runtime);
  }

  /** The fastest option of any backend. */
  public Calibration best() {
    return options.get(0);
  }

  /** The fastest option of a backend on a kind of device (cpu, mps, cuda), or null. */
  public Calibration bestOn(Backend backend, String deviceKind) {
    return options.stream().filter(c -> Objects.equals(c.backend(), backend)
        && Comparison.deviceKind(c.device()).equals(deviceKind)).findFirst().orElse(null);
  }

  /** Whether any verified option of the side computes on something other than the CPU. */
  public boolean hasAccelerator() {
    return options.stream().anyMatch(c -> !Sides.isCpu(c.device()));
  }

  /** The fastest option per device of the figure's backend: the rows a projection is made for. */
  public List<Calibration> figureBackendDevices() {
    Map<String, Calibration> best = new LinkedHashMap<>();
    for (Calibration c : options) {
      if (Objects.equals(c.backend(), figure.backend())) {
        best.putIfAbsent(c.device(), c);
      }
    }
    return List.copyOf(best.values());
  }
}
