package dev.envdoctor.fleet;

import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.Host;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.model.Tool;
import dev.envdoctor.probe.Recorded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Node reports for fleet tests: the real ones (the dev VM's two Slurm nodes; the H100 and H200
 * machines' calibrate --full reports) and fleets constructed from them, which say what they changed.
 */
final class FleetFixtures {

  private FleetFixtures() {}

  static Report devVm(String node) {
    return read(Recorded.text("fleet/devvm-" + node + ".json"));
  }

  /**
   * The H100 machine's real calibrate --full report (docs/gpu-runs); it predates the schema, tool and
   * createdAt fields, which are filled in (the date from its folder's name).
   */
  static Report h100() {
    return gpuRun("docs/gpu-runs/h100-2026-11-25/calibrate-full.json");
  }

  static Report h200() {
    return gpuRun("docs/gpu-runs/h200-2026-11-25/calibrate-full.json");
  }

  private static Report gpuRun(String file) {
    try {
      Report r = ReportJson.read(Files.readString(Path.of(file)));
      String day = file.replaceFirst(".*-(\\d{4}-\\d{2}-\\d{2})/.*", "$1");
      return new Report(Report.SCHEMA, r.tool() != null ? r.tool() : new Tool("envdoctor", "0.1.0"),
          r.createdAt() != null ? r.createdAt() : day + "T00:00:00Z", r.facts(), r.measurements(), r.outcome());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Report read(String json) {
    try {
      return ReportJson.read(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Constructed: the report with every calibration of this device's samples/s multiplied by factor. */
  static Report scaled(Report r, String device, double factor) {
    List<Calibration> cs = r.calibrations().stream().map(c -> !device.equals(c.device()) ? c
        : new Calibration(c.runtime(), c.backend(), c.device(), c.workload(), c.batch(), c.imgsz(), c.warmupSteps(), c.steps(),
            c.medianMs() == null ? null : c.medianMs() / factor, c.p10Ms(), c.p90Ms(), c.cv(), c.samplesPerSecond() * factor,
            c.achievedGflops(), c.flopsPerStep(), c.threads(), c.wallMs(), c.stepTimesMs(), c.diagnosis())).toList();
    return r.withCalibrations(cs);
  }

  /** Constructed: the report with its GPUs' driver version replaced. */
  static Report driver(Report r, String version) {
    Host h = r.host();
    List<GpuInfo> gpus = h.gpus().stream().map(g -> new GpuInfo(g.name(), g.vendor(), g.memoryBytes(), version,
        g.computeCapability(), g.cores(), g.cudaVersion(), g.smClockMaxMhz(), g.memClockMaxMhz(), g.powerLimitW(),
        g.temperatureC(), g.eccEnabled(), g.persistenceMode(), g.pcieLink(), g.health())).toList();
    return r.withHost(new Host(h.os(), h.cpu(), h.memory(), h.disks(), gpus, h.power(), h.virtualization()));
  }
}
