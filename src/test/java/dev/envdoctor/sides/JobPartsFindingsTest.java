package dev.envdoctor.sides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.Dialog;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.CalibrationBuilder;
import dev.envdoctor.model.JobTiming;
import dev.envdoctor.model.TrainerSettings;
import dev.envdoctor.protocol.LoopTiming;
import dev.envdoctor.protocol.PipelineTiming;
import dev.envdoctor.protocol.SideAnswer;
import dev.envdoctor.protocol.SideCommand;
import dev.envdoctor.protocol.ValidationTiming;
import dev.envdoctor.recommend.Workloads;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The findings with a measured gain (issue #29) that {@link JobParts} times after a device's points:
 * which commands it asks a side in which settings, and the gain it makes of their answers. The side
 * is a mock that answers from a script, in memory: no process, nothing timed.
 */
class JobPartsFindingsTest {

  private static final String POINT = "yolov8n@320x8";
  private static final String SOURCE = "1280x720";
  private static final String AT = "yolov8n at 320 px × 8";

  /**
   * A side played from a script: each command line it is sent is kept and answered at once with the
   * answer scripted for that line; a line without one gets the answer its verb has by default.
   */
  private static final class ScriptedSideMock implements Dialog {

    final List<String> asked = new ArrayList<>();
    final Map<String, SideAnswer> script = new HashMap<>();
    private final Deque<String> pending = new ArrayDeque<>();

    ScriptedSideMock answering(String command, SideAnswer a) {
      script.put(command, a);
      return this;
    }

    @Override
    public boolean send(String line) {
      asked.add(line);
      pending.add(script.getOrDefault(line, byDefault(line)).line());
      return true;
    }

    @Override
    public String receive() {
      return pending.poll();
    }

    /** What a side says to a command nobody scripted: a pipeline and a validation that worked, else an empty answer. */
    private static SideAnswer byDefault(String line) {
      String verb = line.split(" ")[0];
      if (verb.equals(SideCommand.PIPELINE)) {
        return pipeline(new PipelineTiming(0.02, 8, "OpenCV 4.10", SOURCE, 320, List.of()));
      }
      if (verb.equals(SideCommand.VALIDATE)) {
        return SideAnswer.validation(new ValidationTiming("cpu", "yolov8n", 320, 16, "fp32", 90.0, 3));
      }
      return SideAnswer.of(verb);
    }

    /** The commands asked after validation: the findings' own. */
    List<String> findings() {
      int v = 0;
      while (v < asked.size() && !asked.get(v).startsWith(SideCommand.VALIDATE + " ")) {
        v++;
      }
      return asked.subList(Math.min(v + 1, asked.size()), asked.size());
    }
  }

  /** The flow around JobParts: the dialog set, then one {@code time} on the scripted side. */
  private static final class ScriptedTalk extends SideTalk {

    private JobParts parts;
    private JobTiming timed;
    private String device;
    private TrainerSettings settings;
    private int cpus;

    ScriptedTalk(SidePlan plan) {
      super(SideCall.of(List.of("scripted-side-mock"), Duration.ofSeconds(10), "native", Backend.PYTHON, plan));
      parts = new JobParts(this, plan, Backend.PYTHON);
    }

    @Override
    void talk() throws Gone, InterruptedException {
      timed = parts.time(device, settings, List.of(largest(device)), cpus);
    }
  }

  private static Calibration largest(String device) {
    return CalibrationBuilder.builder().backend(Backend.PYTHON).device(device).workload("yolov8n").imgsz(320).batch(8)
        .medianMs(150.0).build();
  }

  private static SidePlan plan(boolean asTrainer) {
    return SidePlan.calibrating(List.of()).withJob(Workloads.of("j", "yolov8n", 1, 80, 320, 8, null), true, asTrainer);
  }

  private static TrainerSettings settings(int threads, int workers, String precision) {
    return new TrainerSettings(TrainerSettings.ULTRALYTICS, threads, workers, precision, false, List.of("scripted"));
  }

  private static JobTiming time(ScriptedSideMock side, boolean asTrainer, String device, TrainerSettings s, int cpus) {
    ScriptedTalk t = new ScriptedTalk(plan(asTrainer));
    t.device = device;
    t.settings = s;
    t.cpus = cpus;
    t.accept(side);
    assertNotNull(t.timed, "the side answered every command: time() ran to its end");
    return t.timed;
  }

  private static SideAnswer projected(String device, String precision, double ms) {
    Calibration c = CalibrationBuilder.builder(largest(device)).medianMs(ms).precision(precision).build();
    return SideAnswer.calibrated(SideCommand.PROJECT, c, 0, 5);
  }

  private static SideAnswer looped(String device, int workers, double ms) {
    return SideAnswer.loop(new LoopTiming(device, "yolov8n", 320, 8, workers, "fp32", ms, 140.0, 10.0, 5, "OpenCV 4.10"));
  }

  private static SideAnswer pipeline(PipelineTiming p) {
    return new SideAnswer(SideAnswer.PROTOCOL, SideCommand.PIPELINE, null, null, null, null, null, null, null, null, null, null, p,
        null, null, null, null, null);
  }

  private static Optional<JobTiming.Better> instead(JobTiming j, String setting, String better) {
    return j.better().stream().filter(b -> b.setting().equals(setting) && b.better().equals(better)).findFirst();
  }

  /** A 2-CPU side whose trainer uses 1 thread and loads in-process, every answer scripted. */
  private static ScriptedSideMock twoCpusOneThread() {
    return new ScriptedSideMock()
        .answering("project cpu " + POINT + " fp32", projected("cpu", "fp32", 100.0))
        .answering("loop cpu " + POINT + " 0 " + SOURCE + " fp32", looped("cpu", 0, 300.0))
        .answering("loop cpu " + POINT + " 1 " + SOURCE + " fp32", looped("cpu", 1, 200.0));
  }

  @Test
  void workersZeroOnACpuWithAnIdleCpuTimesBothLoopsAgainstAScriptedSide() {
    ScriptedSideMock side = twoCpusOneThread();
    JobTiming j = time(side, true, "cpu", settings(1, 0, "fp32"), 2);
    // the threads finding first (put back to the trainer's 1), then the two loops at those threads: W = 2 - 1
    assertEquals(List.of("threads 2", "project cpu " + POINT + " fp32", "threads 1",
        "loop cpu " + POINT + " 0 " + SOURCE + " fp32", "loop cpu " + POINT + " 1 " + SOURCE + " fp32"), side.findings());
    JobTiming.Better b = instead(j, "workers 0", "1 worker").orElseThrow();
    assertEquals(300.0 / 200.0, b.gain(), 1e-9, "the loop at workers 0 over the loop at 1 worker");
    assertEquals(AT, b.at());
    assertEquals("DataLoader(..., num_workers=1) in a plain PyTorch loop; Ultralytics sets workers=0 on a CPU itself"
        + " (engine/trainer.py), so there it needs a patched trainer", b.fix());
    assertEquals(150.0 / 100.0, instead(j, "1 thread", "2 threads").orElseThrow().gain(), 1e-9);
  }

  /** How JobParts is asked to time a device: the plan's asTrainer, the device, the trainer's settings, the side's CPUs. */
  private record Ask(boolean asTrainer, String device, TrainerSettings settings, int cpus) {}

  /**
   * Nothing asked after validation and no finding for {@code without}; {@code command} asked for
   * {@code with}, on the same scripted side: the one condition between them is what decides.
   */
  private static void asksOnlyWith(Supplier<ScriptedSideMock> script, Ask without, Ask with, String command, String why) {
    ScriptedSideMock none = script.get();
    JobTiming j = time(none, without.asTrainer(), without.device(), without.settings(), without.cpus());
    assertEquals(List.of(), none.findings(), why);
    assertTrue(j.better().isEmpty(), j.better().toString());
    ScriptedSideMock some = script.get();
    time(some, with.asTrainer(), with.device(), with.settings(), with.cpus());
    assertTrue(some.findings().contains(command), some.findings().toString());
  }

  @Test
  void aCpuWhoseThreadsTakeEveryCpuAsksNoLoopAgainstAScriptedSide() {
    asksOnlyWith(JobPartsFindingsTest::twoCpusOneThread, new Ask(true, "cpu", settings(2, 0, "fp32"), 2),
        new Ask(true, "cpu", settings(1, 0, "fp32"), 2), "loop cpu " + POINT + " 1 " + SOURCE + " fp32",
        "no idle CPU: neither more threads nor workers are timed");
  }

  @Test
  void doctorsQuickExampleJobAsksNoLoopOnACpuAgainstAScriptedSide() {
    asksOnlyWith(JobPartsFindingsTest::twoCpusOneThread, new Ask(false, "cpu", settings(1, 0, "fp32"), 2),
        new Ask(true, "cpu", settings(1, 0, "fp32"), 2), "loop cpu " + POINT + " 0 " + SOURCE + " fp32",
        "the loops cost seconds: a named job or --full only");
  }

  /** A CUDA side with the TF32 and AMP points scripted; its trainer's workers keep the host's loops out. */
  private static ScriptedSideMock cudaSide() {
    return new ScriptedSideMock()
        .answering("project cuda:0 " + POINT + " tf32", projected("cuda:0", "tf32", 120.0))
        .answering("project cuda:0 " + POINT + " amp", projected("cuda:0", "amp", 75.0));
  }

  @Test
  void aFloat32JobOnCudaTimesTf32AgainstAScriptedSide() {
    ScriptedSideMock side = cudaSide();
    JobTiming j = time(side, false, "cuda:0", settings(16, 8, "fp32"), 16);
    assertEquals(List.of("project cuda:0 " + POINT + " tf32", "project cuda:0 " + POINT + " amp"), side.findings(),
        "TF32 before AMP, on the largest point");
    JobTiming.Better tf32 = instead(j, "fp32 (TF32 off)", "tf32").orElseThrow();
    assertEquals(150.0 / 120.0, tf32.gain(), 1e-9);
    assertEquals(AT, tf32.at());
    assertTrue(tf32.fix().startsWith("torch.backends.cuda.matmul.allow_tf32 = True and torch.backends.cudnn.allow_tf32 = True"),
        tf32.fix());
    assertTrue(tf32.fix().contains("torch.backends.cuda.matmul.fp32_precision = 'tf32'")
        && tf32.fix().contains("torch.backends.cudnn.conv.fp32_precision = 'tf32'"), tf32.fix());
    assertEquals(150.0 / 75.0, instead(j, "fp32", "amp").orElseThrow().gain(), 1e-9);
  }

  @Test
  void anAmpTrainerOnCudaAsksNoTf32AgainstAScriptedSide() {
    asksOnlyWith(JobPartsFindingsTest::cudaSide, new Ask(false, "cuda:0", settings(16, 8, "amp"), 16),
        new Ask(false, "cuda:0", settings(16, 8, "fp32"), 16), "project cuda:0 " + POINT + " tf32",
        "an AMP job is past float32: neither TF32 nor AMP is timed");
  }

  @Test
  void aFailedAnswerIsNoFindingAndNoCrashAgainstAScriptedSide() {
    // CUDA: TF32's point ran out of memory (a diagnosed calibration); AMP's is an error answer
    Calibration oom = CalibrationBuilder.builder(largest("cuda:0")).medianMs(null).diagnosis("out of memory").build();
    ScriptedSideMock cuda = new ScriptedSideMock()
        .answering("project cuda:0 " + POINT + " tf32", SideAnswer.calibrated(SideCommand.PROJECT, oom, 0, 0))
        .answering("project cuda:0 " + POINT + " amp", SideAnswer.error("project cuda:0 " + POINT + " amp", "no CUDA"));
    JobTiming onCuda = time(cuda, false, "cuda:0", settings(16, 8, "fp32"), 16);
    assertEquals(List.of("project cuda:0 " + POINT + " tf32", "project cuda:0 " + POINT + " amp"), cuda.findings());
    assertTrue(onCuda.better().isEmpty(), onCuda.better().toString());
    // CPU: the loop with a worker failed (its DataLoader died); the threads' point measured
    ScriptedSideMock cpu = twoCpusOneThread()
        .answering("loop cpu " + POINT + " 1 " + SOURCE + " fp32", SideAnswer.error("loop", "DataLoader worker exited"));
    JobTiming onCpu = time(cpu, true, "cpu", settings(1, 0, "fp32"), 2);
    assertTrue(cpu.findings().contains("loop cpu " + POINT + " 1 " + SOURCE + " fp32"), cpu.findings().toString());
    assertFalse(onCpu.better().stream().anyMatch(b -> b.setting().equals("workers 0")), onCpu.better().toString());
    assertTrue(instead(onCpu, "1 thread", "2 threads").isPresent(), "the threads finding, timed before, stands");
  }
}
