package dev.envdoctor.protocol;

import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Engine;
import dev.envdoctor.model.JobTiming;
import dev.envdoctor.model.Peak;
import java.util.List;

/**
 * The one JSON document a worker child prints on stdout (protocol {@code envdoctor/worker/v1}),
 * whether it is the JVM worker (DJL) natively or in a container, or the Python script. The parent
 * sets {@code runtime} on what it copies into the report.
 */
public record WorkerOutput(
    String protocol,
    Engine engine,
    List<DeviceResult> devices,
    List<Calibration> calibrations,
    List<Peak> peaks,
    String diagnosis,
    String fix,
    List<JobTiming> jobs) {

  /** The protocol the sides speak (docs/side-protocol.md); the parent assembles this document from their answers. */
  public static final String PROTOCOL = "envdoctor/side/v2";

  public WorkerOutput {
    devices = devices == null ? List.of() : List.copyOf(devices);
    calibrations = calibrations == null ? List.of() : List.copyOf(calibrations);
    peaks = peaks == null ? List.of() : List.copyOf(peaks);
    jobs = jobs == null ? List.of() : List.copyOf(jobs);
  }

  /** A document without the whole job's parts (a side that times only steps). */
  public WorkerOutput(String protocol, Engine engine, List<DeviceResult> devices, List<Calibration> calibrations,
      List<Peak> peaks, String diagnosis, String fix) {
    this(protocol, engine, devices, calibrations, peaks, diagnosis, fix, null);
  }
}
