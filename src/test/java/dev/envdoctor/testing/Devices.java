package dev.envdoctor.testing;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.DeviceResultBuilder;
import java.util.List;

/** Device results the tests share: built here once, as the Java worker answers them. */
public final class Devices {

  private Devices() {}

  /** DJL's CPU, verified with a small float32 error against the float64 reference. */
  public static DeviceResult verifiedDjlCpu() {
    return DeviceResultBuilder.builder()
        .backend(Backend.DJL)
        .device("cpu")
        .name("cpu()")
        .verified(true)
        .maxAbsError(3.6e-7)
        .tolerance(1e-2)
        .stderrTail(List.of())
        .build();
  }
}
