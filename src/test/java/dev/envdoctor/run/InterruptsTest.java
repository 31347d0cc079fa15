package dev.envdoctor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envdoctor.exec.ChildProcesses.Stopped;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterruptsTest {

  @Test
  void saysTheStageWhatStoppedAndThatNothingIsLeft() {
    Stopped s = new Stopped(3, List.of(), List.of("container envdoctor-ab12"), List.of());
    assertEquals("envdoctor: interrupted during the docker stage; stopped 3 child processes, removed container"
        + " envdoctor-ab12; nothing left behind", Interrupts.line("docker", s));
  }

  @Test
  void namesWhatIsStillThere() {
    Stopped s = new Stopped(1, List.of(4242L), List.of(), List.of("container envdoctor-cd34"));
    assertEquals("envdoctor: interrupted during the image build; stopped 1 child process; still there: process 4242,"
        + " container envdoctor-cd34 (remove by hand)", Interrupts.line("the image build", s));
  }

  @Test
  void beforeAnyStageAndWithNoChild() {
    assertEquals("envdoctor: interrupted; no child was running; nothing left behind",
        Interrupts.line(null, new Stopped(0, List.of(), List.of(), List.of())));
  }
}
