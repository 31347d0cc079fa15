package dev.envdoctor.probe.macos;

import dev.envdoctor.model.PowerInfo;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code pmset -g batt} (the power source, and whether there is a battery at all) and
 * {@code pmset -g} (Low Power Mode: "lowpowermode 1" up to macOS 13, "powermode 1" since, where 2
 * is High Power Mode).
 */
public final class Pmset {

  private static final Pattern DRAWING = Pattern.compile("Now drawing from '([^']+)'");
  private static final Pattern MODE = Pattern.compile("^\\s*(lowpowermode|powermode)\\s+(\\d+)", Pattern.MULTILINE);

  private Pmset() {}

  /** A Mac without a battery (mini, Studio, iMac) is a desktop: on battery is then unknown, not false. */
  public static Boolean onBattery(String batt) {
    if (batt == null || !batt.contains("InternalBattery")) {
      return null;
    }
    Matcher m = DRAWING.matcher(batt);
    return m.find() ? m.group(1).equals("Battery Power") : null;
  }

  public static Boolean lowPowerMode(String settings) {
    if (settings == null) {
      return null;
    }
    Matcher m = MODE.matcher(settings);
    return m.find() ? m.group(2).equals("1") : null;
  }

  public static PowerInfo power(String batt, String settings) {
    return new PowerInfo(onBattery(batt), lowPowerMode(settings));
  }
}
