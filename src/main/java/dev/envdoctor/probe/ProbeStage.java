package dev.envdoctor.probe;

import dev.envdoctor.doctor.Phase;
import dev.envdoctor.doctor.RunContext;
import dev.envdoctor.doctor.Stage;
import dev.envdoctor.model.Report;

/** The facts of the machine and the JVM: {@code host.*} and {@code jvm.*}. No native code is loaded. */
public final class ProbeStage implements Stage {

  @Override
  public String name() {
    return "probe";
  }

  @Override
  public Phase phase() {
    return Phase.PROBE;
  }

  @Override
  public Report run(Report soFar, RunContext ctx) {
    HostProbe.Facts facts = new HostProbe(Platform.current(ctx.runner(), ctx.env())).probe();
    return soFar.withHost(facts.host()).withJvm(facts.jvm());
  }
}
