package dev.envdoctor.model;

import java.util.List;

/** What the machine is: its host, JVM, Python, engines, container runtimes and GPU topology. */
public record Facts(
    Host host, Jvm jvm, PythonEnv python, List<Engine> engines, List<RuntimeInfo> runtimes, GpuTopology topology) {

  static final Facts NONE = new Facts(null, null, null, null, null, null);

  public Facts {
    engines = Lists.copy(engines);
    runtimes = Lists.copy(runtimes);
  }

  public Facts withHost(Host h) {
    return new Facts(h, jvm, python, engines, runtimes, topology);
  }

  public Facts withJvm(Jvm j) {
    return new Facts(host, j, python, engines, runtimes, topology);
  }

  public Facts withPython(PythonEnv p) {
    return new Facts(host, jvm, p, engines, runtimes, topology);
  }

  public Facts withEngines(List<Engine> e) {
    return new Facts(host, jvm, python, e, runtimes, topology);
  }

  public Facts withRuntimes(List<RuntimeInfo> r) {
    return new Facts(host, jvm, python, engines, r, topology);
  }

  public Facts withTopology(GpuTopology t) {
    return new Facts(host, jvm, python, engines, runtimes, t);
  }
}
