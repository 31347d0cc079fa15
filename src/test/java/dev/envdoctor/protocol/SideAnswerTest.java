package dev.envdoctor.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.testing.Devices;
import org.junit.jupiter.api.Test;

class SideAnswerTest {

  @Test
  void aDeviceRoundTripsThroughItsAnswerLine() {
    DeviceResult d = Devices.verifiedDjlCpu();
    String line = SideAnswer.verified(d).line();
    assertEquals(1, line.lines().count(), "one line: " + line);
    SideAnswer a = SideAnswer.parse(line).orElseThrow();
    assertEquals("verify", a.answer());
    assertEquals(SideAnswer.PROTOCOL, a.protocol());
    assertEquals(d, a.device());
  }

  @Test
  void ordinaryAndBrokenLinesAreNoAnswers() {
    assertTrue(SideAnswer.parse("[W NNPACK.cpp:57] Could not initialize NNPACK!").isEmpty());
    assertTrue(SideAnswer.parse("{\"protocol\":\"envdoctor/side/v2\",\"answer\":").isEmpty());
    assertTrue(SideAnswer.parse("{\"answer\":\"verify\"}").isEmpty(), "no protocol: not an answer");
    assertTrue(SideAnswer.parse(null).isEmpty());
  }

  @Test
  void commandsRoundTripAsLines() {
    SideCommand c = SideCommand.burst("cuda:0", "cnn", 0.05);
    assertEquals("burst cuda:0 cnn 0.05", c.line());
    assertEquals(c, SideCommand.parse("  burst  cuda:0 cnn 0.05 \n"));
    assertEquals(null, SideCommand.parse("   "));
  }
}
