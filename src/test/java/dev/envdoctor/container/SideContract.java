package dev.envdoctor.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.Dialog;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.protocol.BurstLine;
import dev.envdoctor.protocol.LoopTiming;
import dev.envdoctor.protocol.SideAnswer;
import dev.envdoctor.protocol.ThreadFacts;
import dev.envdoctor.protocol.ValidationTiming;
import dev.envdoctor.protocol.WorkerOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The side protocol's contract (docs/side-protocol.md), the same for every executor: each subclass
 * starts one real side (the Java worker or envdoctor_torch.py, natively or in a container) and
 * this suite sends it the same commands and holds its answers to the same rules.
 */
abstract class SideContract {

  /** The commands, in order: each kind once, an unknown workload and an unknown verb among them. */
  static final List<String> COMMANDS = List.of("ping", "verify cpu", "calibrate cpu cnn", "calibrate cpu nosuch",
      "frobnicate now", "burst cpu cnn 0", "burst cpu cnn 0.05", "project cpu yolov8n@64x2", "threads 0", "threads 2",
      "project cpu yolov8n@64x2 amp", "pipeline 640x360 64 2", "validate cpu yolov8n@64x4", "loop cpu yolov8n@64x2 0 640x360",
      "burst cpu yolov8n@64x2 0.05 fp32", "burst cpu yolov8n@64x2 0.05 amp", "ping", "end");

  /** The settings every side here starts with: the CPU, a small step budget, one thread. */
  static final List<String> SETTINGS = List.of("--device", "cpu", "--steps", "5", "--seconds", "0.2", "--threads", "1");

  /** What the side said: its answers in order (the greeting first) and the process's result. */
  record Talk(List<SideAnswer> answers, CommandResult result) {

    SideAnswer get(int i) {
      return answers.get(i);
    }
  }

  /** The backend the side's records carry. */
  abstract Backend backend();

  /** Runs the side with {@link #SETTINGS} to its end, holding {@code conversation} with it (a container side: in a container removed afterwards). */
  abstract CommandResult run(Consumer<Dialog> conversation);

  /** Sends {@link #COMMANDS}, each after the previous answer, and keeps every answer. */
  Talk talk() {
    List<SideAnswer> answers = new CopyOnWriteArrayList<>();
    CommandResult r = run(conversation(COMMANDS, answers, (c, a) -> {}));
    return new Talk(new ArrayList<>(answers), r);
  }

  /**
   * A conversation that reads the greeting, then sends {@code commands}, each after the previous
   * answer, adding every answer to {@code answers}; {@code after} sees each command with its answer
   * while the side still runs.
   */
  static Consumer<Dialog> conversation(List<String> commands, List<SideAnswer> answers, BiConsumer<String, SideAnswer> after) {
    return d -> {
      try {
        if (!next(d, answers)) {
          return;
        }
        for (String c : commands) {
          if (!d.send(c) || !next(d, answers)) {
            return;
          }
          after.accept(c, answers.get(answers.size() - 1));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  private static boolean next(Dialog d, List<SideAnswer> answers) throws InterruptedException {
    for (String line = d.receive(); line != null; line = d.receive()) {
      var a = SideAnswer.parse(line);
      if (a.isPresent()) {
        answers.add(a.get());
        return true;
      }
    }
    return false;
  }

  @Test
  void answersEveryCommandWithOneLineAndEnds() {
    Talk t = talk();
    assertEquals(CommandResult.Status.OK, t.result().status(), t.result().describe() + "\n" + t.result().stderr());
    assertEquals(List.of("hello", "ping", "verify", "calibrate", "error", "error", "burst", "burst", "project", "threads", "threads",
            "error", pipelineAnswer(), pythonOnly("validate"), pythonOnly("loop"), "burst", "error", "ping", "end"),
        t.answers().stream().map(SideAnswer::answer).toList(), t.result().stderr());
    t.answers().forEach(a -> assertEquals(WorkerOutput.PROTOCOL, a.protocol()));
    // nothing but answers on stdout, one per line
    assertEquals(t.answers().size(), t.result().stdout().strip().lines().count(), t.result().stdout());

    SideAnswer hello = t.get(0);
    assertNull(hello.diagnosis(), hello.diagnosis());
    assertNotNull(hello.engine().version(), "the engine's version");
    assertEquals(List.of("cpu"), hello.devices(), "--device cpu offers the CPU alone");

    var cpu = t.get(2).device();
    assertEquals("cpu", cpu.device());
    assertEquals(backend(), cpu.backend());
    assertEquals(Boolean.TRUE, cpu.verified(), String.valueOf(cpu.diagnosis()));
    assertTrue(cpu.maxAbsError() > 0 && cpu.maxAbsError() <= cpu.tolerance(), cpu.toString());

    Calibration cnn = t.get(3).calibration();
    assertEquals("cnn", cnn.workload());
    assertEquals("cpu", cnn.device());
    assertEquals(backend(), cnn.backend());
    assertNull(cnn.diagnosis(), cnn.diagnosis());
    assertTrue(cnn.steps() >= 1 && cnn.medianMs() > 0, cnn.toString());
    assertEquals(1, cnn.threads(), "the --threads setting");

    assertEquals("calibrate cpu nosuch", t.get(4).command());
    assertTrue(t.get(4).diagnosis().contains("unknown workload 'nosuch'"), t.get(4).diagnosis());
    assertEquals("frobnicate now", t.get(5).command());
    assertTrue(t.get(5).diagnosis().contains("does not frobnicate"), t.get(5).diagnosis());

    BurstLine ready = t.get(6).burst();
    assertEquals(List.of(), ready.stepTimesMs(), "0 seconds: warmed up, nothing timed");
    assertNotNull(ready.allowance(), "the first burst says what CPUs the side may use");
    assertTrue(ready.allowance().affinityCpus() >= 1, ready.toString());
    assertTrue(ready.host() != null && !ready.host().isBlank(), ready.toString());
    BurstLine burst = t.get(7).burst();
    assertTrue(burst.stepTimesMs().size() >= 3 && burst.stepTimesMs().size() <= 5, "3 steps at least, the budget's 5 at most: " + burst);
    assertTrue(burst.cpuMs() > ready.cpuMs(), "the CPU counter is cumulative: " + ready.cpuMs() + " then " + burst.cpuMs());
    assertNull(burst.allowance(), "the allowance comes once");

    Calibration yolo = t.get(8).calibration();
    assertEquals("yolov8n", yolo.workload());
    assertEquals(64, yolo.imgsz());
    assertEquals(2, yolo.batch());
    assertTrue(yolo.medianMs() > 0, yolo.toString());

    ThreadFacts asked = t.get(9).threads();
    assertEquals(1, asked.threads(), "threads 0 changes nothing: the --threads setting");
    assertEquals(Runtime.getRuntime().availableProcessors(), asked.cpus(), "the CPUs this machine lets a process use");
    assertEquals(2, t.get(10).threads().threads(), "threads 2 is in effect after it");
    defaultThreads(asked);

    assertEquals("project cpu yolov8n@64x2 amp", t.get(11).command());
    assertTrue(t.get(11).diagnosis().contains("amp"), "mixed precision is CUDA's alone: " + t.get(11).diagnosis());
    assertEquals("fp32", yolo.precision(), "a projection point says its precision");
    pipeline(t.get(12));
    validate(t.get(13));
    loop(t.get(14));

    // a named job's step as the verdict bursts it (issue #29): its network at a point, in a precision
    BurstLine job = t.get(15).burst();
    assertEquals("yolov8n@64x2", job.workload());
    assertTrue(job.stepTimesMs().size() >= 3 && job.stepTimesMs().size() <= 5, job.toString());
    assertTrue(t.get(16).diagnosis().contains("amp"), "mixed precision is CUDA's alone: " + t.get(16).diagnosis());
  }

  /** What this executor answers to {@code pipeline}: the Python side measures it, the Java side has no Python to decode with. */
  String pipelineAnswer() {
    return pythonOnly("pipeline");
  }

  /** What this executor answers to a command DJL does not measure: the Python side its verb, the Java side {@code error}. */
  String pythonOnly(String verb) {
    return backend() == Backend.DJL ? "error" : verb;
  }

  /** Its answer to {@code validate cpu yolov8n@64x4}. */
  void validate(SideAnswer a) {
    if (backend() == Backend.DJL) {
      assertTrue(a.diagnosis().contains("does not validate"), a.diagnosis());
      return;
    }
    ValidationTiming v = a.validation();
    assertEquals(new ValidationTiming("cpu", "yolov8n", 64, 4, "fp32", v.medianMs(), v.steps()), v);
    assertTrue(v.medianMs() > 0, v.toString());
    assertTrue(v.steps() >= 3 && v.steps() <= 5, "3 forwards at least, the budget's 5 at most: " + v);
  }

  /** Its answer to {@code loop cpu yolov8n@64x2 0 640x360}. */
  void loop(SideAnswer a) {
    if (backend() == Backend.DJL) {
      assertTrue(a.diagnosis().contains("does not loop"), a.diagnosis());
      return;
    }
    checkLoop(a.loop(), 0);
  }

  /** A loop's timing at {@code yolov8n@64x2} on the CPU with {@code workers}, in fp32, after the budget's 5 steps. */
  static void checkLoop(LoopTiming l, int workers) {
    assertEquals(new LoopTiming("cpu", "yolov8n", 64, 2, workers, "fp32", l.medianMs(), l.stepMs(), l.dataWaitMs(), 5, l.library()), l);
    assertTrue(l.stepMs() > 0 && l.medianMs() > 0 && l.dataWaitMs() >= 0, l.toString());
    assertTrue(l.dataWaitMs() < l.medianMs(), "the wait is part of the loop's step: " + l);
    assertTrue(l.library().matches("(OpenCV|PIL) [0-9.]+"), l.library());
  }

  /** Its answer to {@code pipeline 640x360 64 2}. */
  void pipeline(SideAnswer a) {
    if (backend() == Backend.DJL) {
      assertTrue(a.diagnosis().contains("does not pipeline"), "the worker image has no Python to decode with: " + a.diagnosis());
      return;
    }
    assertEquals(2, a.pipeline().images());
    assertEquals("640x360", a.pipeline().sourceSize());
    assertEquals(64, a.pipeline().imgsz());
    assertTrue(a.pipeline().secondsPerImage() > 0, a.toString());
    assertTrue(a.pipeline().library().matches("(OpenCV|PIL) [0-9.]+"), a.pipeline().library());
  }

  /** torch's own thread count as the side started: DJL takes its count at engine start and cannot tell it. */
  void defaultThreads(ThreadFacts asked) {
    if (backend() == Backend.DJL) {
      assertNull(asked.defaultThreads(), "DJL takes its count at engine start: libtorch's own default is not known");
    } else {
      assertTrue(asked.defaultThreads() != null && asked.defaultThreads() >= 1, asked.toString());
    }
  }

  static Duration timeout() {
    return Duration.ofMinutes(3);
  }
}
