package dev.envdoctor.probe.linux;

import dev.envdoctor.model.PowerInfo;
import java.util.List;

/**
 * The decision from /sys/class/power_supply and the ACPI platform profile, pure so recorded
 * laptops can be replayed.
 *
 * @param supplies        each supply's type (Battery, Mains, USB), status (Discharging, ...) and online flag
 * @param platformProfile /sys/firmware/acpi/platform_profile: low-power, balanced, performance; null if absent
 */
record PowerSupplies(List<Supply> supplies, String platformProfile) {

  record Supply(String name, String type, String status, String online) {}

  PowerSupplies {
    supplies = List.copyOf(supplies);
  }

  static PowerSupplies read(LinuxFiles f) {
    String base = "/sys/class/power_supply/";
    List<Supply> supplies = f.list(base).stream()
        .map(n -> new Supply(n, f.line(base + n + "/type"), f.line(base + n + "/status"), f.line(base + n + "/online")))
        .toList();
    return new PowerSupplies(supplies, f.line("/sys/firmware/acpi/platform_profile"));
  }

  /** A machine without a battery is never "on battery"; with one, AC online wins over a status. */
  PowerInfo decide() {
    boolean battery = supplies.stream().anyMatch(s -> "Battery".equals(s.type()));
    Boolean onBattery = null;
    if (battery) {
      boolean acOnline = supplies.stream().anyMatch(s -> !"Battery".equals(s.type()) && "1".equals(s.online()));
      boolean discharging = supplies.stream().anyMatch(s -> "Battery".equals(s.type()) && "Discharging".equals(s.status()));
      onBattery = !acOnline && discharging;
    }
    Boolean lowPower = platformProfile == null ? null : platformProfile.equals("low-power") || platformProfile.equals("quiet");
    return new PowerInfo(onBattery, lowPower);
  }
}
