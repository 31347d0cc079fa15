package dev.envdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.ProcessRunner;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The probe's shell-out with real processes: every way a tool can let us down is an unknown fact. */
class ToolTest {

  private final Tool tool = new Tool(new ProcessRunner());

  @Test
  void okGivesStdout() {
    assertEquals(Optional.of("hello\n"), tool.stdout(Tool.SHORT, "echo", "hello"));
  }

  @Test
  void missingFailingAndHangingToolsGiveNothing() {
    assertTrue(tool.stdout(Tool.SHORT, "envdoctor-no-such-tool").isEmpty());
    assertTrue(tool.stdout(Tool.SHORT, "sh", "-c", "echo partial; exit 3").isEmpty());
    assertTrue(tool.stdout(Duration.ofMillis(300), "sleep", "30").isEmpty());
  }

  @Test
  void aFailedRunThatPrintedIsReadWhenAskedFor() {
    assertEquals(Optional.of("partial\n"), tool.stdoutEvenIfFailed(Tool.SHORT, "sh", "-c", "echo partial; exit 1"));
    assertTrue(tool.stdoutEvenIfFailed(Tool.SHORT, "sh", "-c", "exit 1").isEmpty());
  }
}
