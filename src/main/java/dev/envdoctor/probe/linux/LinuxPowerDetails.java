package dev.envdoctor.probe.linux;

import dev.envdoctor.model.PowerInfo;
import dev.envdoctor.probe.PowerDetails;

final class LinuxPowerDetails implements PowerDetails {

  private final LinuxFiles files;

  LinuxPowerDetails(LinuxFiles files) {
    this.files = files;
  }

  @Override
  public PowerInfo read() {
    return PowerSupplies.read(files).decide();
  }
}
