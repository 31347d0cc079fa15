package dev.envdoctor.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.testing.Devices;
import java.nio.file.Path;
import java.util.List;
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

  @Test
  void validationAndLoopRoundTripThroughTheirLines() {
    ValidationTiming v = new ValidationTiming("cpu", "yolov8n", 320, 16, "fp32", 41.5, 3);
    SideAnswer a = SideAnswer.parse(SideAnswer.validation(v).line()).orElseThrow();
    assertEquals("validate", a.answer());
    assertEquals(v, a.validation());
    LoopTiming l = new LoopTiming("cuda:0", "yolov8s", 640, 16, 8, "amp", 120.0, 80.0, 30.5, 5, "OpenCV 4.10.0");
    SideAnswer b = SideAnswer.parse(SideAnswer.loop(l).line()).orElseThrow();
    assertEquals("loop", b.answer());
    assertEquals(l, b.loop());
    assertEquals(null, b.validation());
  }

  @Test
  void aPipelineSaysWhatItSkippedOnlyWhenItSkippedSomething() {
    PipelineTiming made = new PipelineTiming(0.01, 8, "PIL 9.4.0", "640x360", 64, null);
    assertEquals(List.of(), made.skipped());
    String line = SideJson.json(made);
    assertTrue(!line.contains("skipped"), line);
    PipelineTiming read = new PipelineTiming(0.01, 8, "PIL 9.4.0", "dir:/data/a b", 64, List.of("x.jpg: does not decode (PIL: UnidentifiedImageError)"));
    String answer = "{\"protocol\":\"envdoctor/side/v2\",\"answer\":\"pipeline\",\"pipeline\":" + SideJson.json(read) + "}";
    assertEquals(read, SideAnswer.parse(answer).orElseThrow().pipeline());
  }

  @Test
  void aFolderSourceIsOneWordAsPythonsQuoteWritesIt() {
    // urllib.parse.quote("/tmp/a b/\u00e9%:x~_.-") == "/tmp/a%20b/%C3%A9%25%3Ax~_.-"
    assertEquals("dir:/tmp/a%20b/%C3%A9%25%3Ax~_.-", SideCommand.dataSource(Path.of("/tmp/a b/\u00e9%:x~_.-")));
    SideCommand c = SideCommand.loop("cpu", "yolov8n@64x2", 2, SideCommand.dataSource(Path.of("/data/my set")), "fp32");
    assertEquals("loop cpu yolov8n@64x2 2 dir:/data/my%20set fp32", c.line());
    assertEquals(c, SideCommand.parse(c.line()));
    assertEquals("validate cuda:0 yolov8n@320x32 amp", SideCommand.validate("cuda:0", "yolov8n@320x32", "amp").line());
  }
}
