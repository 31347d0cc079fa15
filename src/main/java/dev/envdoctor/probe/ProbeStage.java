package dev.envdoctor.probe;

import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.flow.Stage;
import dev.envdoctor.model.Report;
import dev.envdoctor.calibrate.contention.CpuAllowanceReader;
import dev.envdoctor.model.Host;

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
    Host host = facts.host();
    if (host.os() != null && "linux".equals(host.os().family())) {
      host = host.withCpuAllowance(CpuAllowanceReader.read(java.nio.file.Path.of("/"), ctx.env()));
    }
    return soFar.withHost(host).withJvm(facts.jvm());
  }
}
