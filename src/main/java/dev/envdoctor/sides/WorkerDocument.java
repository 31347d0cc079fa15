package dev.envdoctor.sides;

import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.CalibrationBuilder;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.model.Engine;
import dev.envdoctor.model.PeakBuilder;
import dev.envdoctor.protocol.SideJson;
import dev.envdoctor.protocol.WorkerOutput;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import dev.envdoctor.model.JobTiming;
import dev.envdoctor.model.JobTimingBuilder;
import dev.envdoctor.model.Peak;

/** Stamping the side on what a side's document holds. Pure. */
final class WorkerDocument {

  private WorkerDocument() {}

  /** The same document with {@code runtime} set on its engine, devices, calibrations, peaks and the job's parts. */
  static WorkerOutput stamp(WorkerOutput o, String runtime) {
    Engine e = o.engine();
    Engine engine = e == null ? null
        : new Engine(runtime, e.name(), e.version(), e.libtorchVersion(), e.libraryPath(), e.flavor(), e.diagnosis());
    List<DeviceResult> devices = o.devices().stream().map(d -> stamp(d, runtime)).toList();
    List<Calibration> calibrations = o.calibrations().stream().map(c -> stamp(c, runtime)).toList();
    List<Peak> peaks = o.peaks().stream()
        .map(p -> PeakBuilder.builder(p)
            .runtime(runtime)
            .conditions(null)
            .normal(null)
            .build())
        .toList();
    List<JobTiming> jobs = o.jobs().stream().map(j -> JobTimingBuilder.builder(j).runtime(runtime).build()).toList();
    return new WorkerOutput(o.protocol(), engine, devices, calibrations, peaks, o.diagnosis(), o.fix(), jobs);
  }

  static DeviceResult stamp(DeviceResult d, String runtime) {
    return DeviceResultBuilder.builder(d).runtime(runtime).build();
  }

  static Calibration stamp(Calibration c, String runtime) {
    return CalibrationBuilder.builder(c).runtime(runtime).bursts(null).contention(null).allowance(null).build();
  }
}
