package dev.envdoctor.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.DeviceResultBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class SideAnswerTest {

  @Test
  void aDeviceRoundTripsThroughItsAnswerLine() {
    DeviceResult d = DeviceResultBuilder.builder()
        .backend(Backend.DJL)
        .device("cpu")
        .name("cpu()")
        .verified(true)
        .maxAbsError(3.6e-7)
        .tolerance(1e-2)
        .stderrTail(List.of())
        .build();
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
