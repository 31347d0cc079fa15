package dev.envdoctor.model;

import java.util.List;

/**
 * What envdoctor measured on the machine: each device verified, the calibrated training steps, the
 * peaks, the interconnect's bandwidths, a race of the user's own command, and the whole job's other
 * parts per side (the input pipeline, validation, the step with its workers).
 */
public record Measurements(
    List<DeviceResult> devices, List<Calibration> calibrations, List<Peak> peaks, List<Interconnect> interconnect,
    Race race, List<JobTiming> jobs, List<EarlierPoint> history) {

  static final Measurements NONE = new Measurements(null, null, null, null, null, null, null);

  public Measurements(List<DeviceResult> devices, List<Calibration> calibrations, List<Peak> peaks,
      List<Interconnect> interconnect, Race race) {
    this(devices, calibrations, peaks, interconnect, race, null, null);
  }

  public Measurements(List<DeviceResult> devices, List<Calibration> calibrations, List<Peak> peaks,
      List<Interconnect> interconnect, Race race, List<JobTiming> jobs) {
    this(devices, calibrations, peaks, interconnect, race, jobs, null);
  }

  public Measurements {
    devices = Lists.copy(devices);
    calibrations = Lists.copy(calibrations);
    peaks = Lists.copy(peaks);
    interconnect = Lists.copy(interconnect);
    jobs = Lists.copy(jobs);
    history = Lists.copy(history);
  }

  public Measurements withDevices(List<DeviceResult> d) {
    return new Measurements(d, calibrations, peaks, interconnect, race, jobs, history);
  }

  public Measurements withCalibrations(List<Calibration> c) {
    return new Measurements(devices, c, peaks, interconnect, race, jobs, history);
  }

  public Measurements withPeaks(List<Peak> p) {
    return new Measurements(devices, calibrations, p, interconnect, race, jobs, history);
  }

  public Measurements withInterconnect(List<Interconnect> i) {
    return new Measurements(devices, calibrations, peaks, i, race, jobs, history);
  }

  public Measurements withRace(Race r) {
    return new Measurements(devices, calibrations, peaks, interconnect, r, jobs, history);
  }

  public Measurements withJobs(List<JobTiming> j) {
    return new Measurements(devices, calibrations, peaks, interconnect, race, j, history);
  }

  public Measurements withHistory(List<EarlierPoint> h) {
    return new Measurements(devices, calibrations, peaks, interconnect, race, jobs, h);
  }
}
