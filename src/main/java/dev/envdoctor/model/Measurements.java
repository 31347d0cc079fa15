package dev.envdoctor.model;

import java.util.List;

/**
 * What envdoctor measured on the machine: each device verified, the calibrated training steps, the
 * peaks, the interconnect's bandwidths, and a race of the user's own command.
 */
public record Measurements(
    List<DeviceResult> devices, List<Calibration> calibrations, List<Peak> peaks, List<Interconnect> interconnect,
    Race race) {

  static final Measurements NONE = new Measurements(null, null, null, null, null);

  public Measurements {
    devices = Lists.copy(devices);
    calibrations = Lists.copy(calibrations);
    peaks = Lists.copy(peaks);
    interconnect = Lists.copy(interconnect);
  }

  public Measurements withDevices(List<DeviceResult> d) {
    return new Measurements(d, calibrations, peaks, interconnect, race);
  }

  public Measurements withCalibrations(List<Calibration> c) {
    return new Measurements(devices, c, peaks, interconnect, race);
  }

  public Measurements withPeaks(List<Peak> p) {
    return new Measurements(devices, calibrations, p, interconnect, race);
  }

  public Measurements withInterconnect(List<Interconnect> i) {
    return new Measurements(devices, calibrations, peaks, i, race);
  }

  public Measurements withRace(Race r) {
    return new Measurements(devices, calibrations, peaks, interconnect, r);
  }
}
