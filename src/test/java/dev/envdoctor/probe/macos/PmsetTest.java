package dev.envdoctor.probe.macos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.envdoctor.probe.Recorded;
import org.junit.jupiter.api.Test;

class PmsetTest {

  @Test
  void powerSource() {
    assertEquals(Boolean.TRUE, Pmset.onBattery(Recorded.text("pmset/batt-on-battery.txt")));
    assertEquals(Boolean.FALSE, Pmset.onBattery(Recorded.text("pmset/batt-ac-charging.txt")));
    assertNull(Pmset.onBattery(Recorded.text("pmset/batt-desktop.txt")), "no battery: a desktop");
    assertNull(Pmset.onBattery(null));
  }

  @Test
  void lowPowerModeOldAndNewSpelling() {
    assertEquals(Boolean.FALSE, Pmset.lowPowerMode(Recorded.text("pmset/g-m1-lowpowermode0.txt")));
    assertEquals(Boolean.FALSE, Pmset.lowPowerMode(Recorded.text("pmset/g-monterey-lowpowermode0.txt")));
    assertEquals(Boolean.TRUE, Pmset.lowPowerMode(Recorded.text("pmset/constructed-g-lowpowermode1.txt")));
    assertEquals(Boolean.TRUE, Pmset.lowPowerMode(Recorded.text("pmset/constructed-g-powermode1.txt")));
    assertEquals(Boolean.FALSE, Pmset.lowPowerMode(" powermode            2\n"), "2 is High Power Mode");
    assertNull(Pmset.lowPowerMode(Recorded.text("pmset/g-intel-no-lowpowermode.txt")));
  }
}
