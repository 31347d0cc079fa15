package dev.envdoctor.interconnect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.flow.RunContext;
import dev.envdoctor.doctor.ViewContexts;
import dev.envdoctor.model.PythonEnv;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.Tool;
import dev.envdoctor.run.RunOptions;
import dev.envdoctor.run.RunOptionsBuilder;
import org.junit.jupiter.api.Test;

/** When the stage measures: --full, natively, with the Python backend and a torch that imports. */
class InterconnectStageTest {

  private static final Report WITH_TORCH = Report.empty(new Tool("envdoctor", "test"), "2026-12-01T21:00:00Z")
      .withPython(new PythonEnv("/usr/bin/python3", "3.11.2", "x86_64", false, "--python",
          new PythonEnv.Torch("1.13.0", null, null, null), null, null));

  private static RunContext ctx(boolean full, String runtime, String backend) {
    RunContext base = new ViewContexts(false).ctx;
    RunOptions o = base.options();
    RunOptions chosen = RunOptionsBuilder.builder(o).runtime(runtime).backend(backend).full(full).build();
    return new RunContext(base.out(), base.err(), base.console(), base.runner(), base.clock(), base.env(),
        base.output(), chosen, base.phases());
  }

  @Test
  void onlyWithFullNativelyAndThePythonBackend() {
    assertTrue(InterconnectStage.wanted(WITH_TORCH, ctx(true, "all", "all")));
    assertTrue(InterconnectStage.wanted(WITH_TORCH, ctx(true, "native", "python")));
    assertFalse(InterconnectStage.wanted(WITH_TORCH, ctx(false, "all", "all")), "--quick measures no interconnect");
    assertFalse(InterconnectStage.wanted(WITH_TORCH, ctx(true, "docker", "all")));
    assertFalse(InterconnectStage.wanted(WITH_TORCH, ctx(true, "native", "djl")));
  }

  @Test
  void notWithoutATorchThatImports() {
    Report noTorch = WITH_TORCH.withPython(new PythonEnv("/usr/bin/python3", "3.11.2", "x86_64", false, "PATH", null,
        "torch is not installed in this Python", "pip install torch"));
    assertFalse(InterconnectStage.wanted(noTorch, ctx(true, "all", "all")));
    assertFalse(InterconnectStage.wanted(WITH_TORCH.withPython(null), ctx(true, "all", "all")));
  }
}
