package dev.envdoctor.probe.nvidia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The placeholders nvidia-smi writes for a value it does not have. Literals, not a recording: the
 * K80 output with "Not Found" that issue #30 names was not found again in public material.
 */
class NvidiaValuesTest {

  @Test
  void everyPlaceholderIsMissing() {
    for (String v : new String[] {"N/A", "[N/A]", "[Not Supported]", "Not Supported", "Not Found", " ", null}) {
      assertNull(NvidiaValues.text(v), String.valueOf(v));
      assertNull(NvidiaValues.number(v), String.valueOf(v));
    }
    assertEquals("12.4", NvidiaValues.text(" 12.4 "));
    assertEquals(700.0, NvidiaValues.number("700.00 W"));
  }
}
