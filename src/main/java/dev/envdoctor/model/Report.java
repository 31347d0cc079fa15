package dev.envdoctor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The report model, schema {@code envdoctor/report/v1}: one immutable document that every stage
 * extends (through the {@code with...} copies) and every renderer draws from. Paths are stable;
 * add fields freely, rename only with a new schema version.
 */
public record Report(
    String schema,
    Tool tool,
    String createdAt,
    Host host,
    Jvm jvm,
    PythonEnv python,
    List<Engine> engines,
    List<RuntimeInfo> runtimes,
    List<DeviceResult> devices,
    List<Calibration> calibrations,
    List<Peak> peaks,
    Recommendation recommendation,
    List<CheckResult> checks,
    Summary summary,
    List<StageRun> stages,
    Redaction redaction,
    Race race,
    List<Interconnect> interconnect,
    GpuTopology topology) {

  public static final String SCHEMA = "envdoctor/report/v1";

  public Report {
    engines = copy(engines);
    runtimes = copy(runtimes);
    devices = copy(devices);
    calibrations = copy(calibrations);
    peaks = copy(peaks);
    checks = copy(checks);
    stages = copy(stages);
    interconnect = copy(interconnect);
  }

  public static Report empty(Tool tool, String createdAt) {
    return new Report(SCHEMA, tool, createdAt, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  private static <T> List<T> plus(List<T> list, List<T> more) {
    List<T> all = new ArrayList<>(list);
    all.addAll(more);
    return all;
  }

  public Report withHost(Host h) {
    return new Report(schema, tool, createdAt, h, jvm, python, engines, runtimes, devices, calibrations, peaks, recommendation, checks, summary, stages, redaction, race, interconnect, topology);
  }

  public Report withJvm(Jvm j) {
    return new Report(schema, tool, createdAt, host, j, python, engines, runtimes, devices, calibrations, peaks, recommendation, checks, summary, stages, redaction, race, interconnect, topology);
  }

  public Report withPython(PythonEnv p) {
    return new Report(schema, tool, createdAt, host, jvm, p, engines, runtimes, devices, calibrations, peaks, recommendation, checks, summary, stages, redaction, race, interconnect, topology);
  }

  public Report withEngines(List<Engine> e) {
    return new Report(schema, tool, createdAt, host, jvm, python, e, runtimes, devices, calibrations, peaks, recommendation, checks, summary, stages, redaction, race, interconnect, topology);
  }

  public Report plusEngines(List<Engine> e) {
    return withEngines(plus(engines, e));
  }

  public Report withRuntimes(List<RuntimeInfo> r) {
    return new Report(schema, tool, createdAt, host, jvm, python, engines, r, devices, calibrations, peaks, recommendation, checks, summary, stages, redaction, race, interconnect, topology);
  }

  public Report withDevices(List<DeviceResult> d) {
    return new Report(schema, tool, createdAt, host, jvm, python, engines, runtimes, d, calibrations, peaks, recommendation, checks, summary, stages, redaction, race, interconnect, topology);
  }

  public Report plusDevices(List<DeviceResult> d) {
    return withDevices(plus(devices, d));
  }

  public Report withCalibrations(List<Calibration> c) {
    return new Report(schema, tool, createdAt, host, jvm, python, engines, runtimes, devices, c, peaks, recommendation, checks, summary, stages, redaction, race, interconnect, topology);
  }

  public Report plusCalibrations(List<Calibration> c) {
    return withCalibrations(plus(calibrations, c));
  }

  public Report withPeaks(List<Peak> p) {
    return new Report(schema, tool, createdAt, host, jvm, python, engines, runtimes, devices, calibrations, p, recommendation, checks, summary, stages, redaction, race, interconnect, topology);
  }

  public Report plusPeaks(List<Peak> p) {
    return withPeaks(plus(peaks, p));
  }

  public Report withRecommendation(Recommendation r) {
    return new Report(schema, tool, createdAt, host, jvm, python, engines, runtimes, devices, calibrations, peaks, r, checks, summary, stages, redaction, race, interconnect, topology);
  }

  public Report withChecks(List<CheckResult> c, Summary s) {
    return new Report(schema, tool, createdAt, host, jvm, python, engines, runtimes, devices, calibrations, peaks, recommendation, c, s, stages, redaction, race, interconnect, topology);
  }

  public Report plusStage(StageRun s) {
    return new Report(schema, tool, createdAt, host, jvm, python, engines, runtimes, devices, calibrations, peaks, recommendation, checks, summary, plus(stages, List.of(s)), redaction, race, interconnect, topology);
  }

  public Report withRedaction(Redaction r) {
    return new Report(schema, tool, createdAt, host, jvm, python, engines, runtimes, devices, calibrations, peaks, recommendation, checks, summary, stages, r, race, interconnect, topology);
  }

  /** The facts without the run's outcome (checks, summary, stages[]): a saved report re-checked by another run. */
  public Report withoutOutcome() {
    return new Report(schema, tool, createdAt, host, jvm, python, engines, runtimes, devices, calibrations, peaks, recommendation, List.of(), null, List.of(), redaction, race, interconnect, topology);
  }

  /** {@code race}: the user's own command timed natively and in their image ({@code envdoctor race}). */
  public Report withRace(Race r) {
    return new Report(schema, tool, createdAt, host, jvm, python, engines, runtimes, devices, calibrations, peaks, recommendation, checks, summary, stages, redaction, r, interconnect, topology);
  }

  public Report withInterconnect(List<Interconnect> i, GpuTopology t) {
    return new Report(schema, tool, createdAt, host, jvm, python, engines, runtimes, devices, calibrations, peaks, recommendation, checks, summary, stages, redaction, race, i, t);
  }
}
