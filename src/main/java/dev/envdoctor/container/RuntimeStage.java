package dev.envdoctor.container;

import dev.envdoctor.doctor.Phase;
import dev.envdoctor.doctor.RunContext;
import dev.envdoctor.doctor.Stage;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Probe stage "runtimes": which container engines are here and what a container on each can reach.
 * Engines are asked in parallel, each with a short timeout, so a dead engine costs seconds, not a
 * hang. The "native" entry is not this stage's.
 */
public final class RuntimeStage implements Stage {

  /** How long an engine may take to say what it is: a stopped one answers at once, a hung one not at all. */
  static final Duration TIMEOUT = Duration.ofSeconds(6);

  @Override
  public String name() {
    return "runtimes";
  }

  @Override
  public Phase phase() {
    return Phase.PROBE;
  }

  @Override
  public Report run(Report soFar, RunContext ctx) {
    EngineProbe probe = new EngineProbe(ctx.runner(), ctx.env(), HostFacts.of(soFar.host()), TIMEOUT,
        HostCdi.devices(HostCdi.SPEC_DIRS));
    List<RuntimeInfo> found = detectAll(Engines.all(), probe, explicitlyNamed(ctx.options().runtime));
    List<RuntimeInfo> runtimes = new ArrayList<>(soFar.runtimes());
    runtimes.removeIf(r -> found.stream().anyMatch(f -> f.name().equals(r.name())));
    runtimes.addAll(found);
    return soFar.withRuntimes(runtimes);
  }

  /** The engines --runtime names one by one (none for "all"). */
  static List<String> explicitlyNamed(String runtimeOption) {
    return runtimeOption == null || "all".equals(runtimeOption) ? List.of() : Engines.selected(runtimeOption);
  }

  /**
   * Every engine's entry, in order; nerdctl only where its CLI is installed or --runtime names it
   * (then "not installed" is the answer the user asked for).
   */
  static List<RuntimeInfo> detectAll(List<ContainerEngine> engines, EngineProbe probe, List<String> named) {
    ExecutorService pool = Executors.newFixedThreadPool(engines.size(), r -> {
      Thread t = new Thread(r, "envdoctor-runtimes");
      t.setDaemon(true);
      return t;
    });
    try {
      List<CompletableFuture<RuntimeInfo>> futures = engines.stream()
          .map(e -> CompletableFuture.supplyAsync(() -> e.detect(probe), pool)).toList();
      List<RuntimeInfo> out = new ArrayList<>();
      for (CompletableFuture<RuntimeInfo> f : futures) {
        RuntimeInfo r = f.join();
        if (!("nerdctl".equals(r.name()) && Failure.NOT_INSTALLED.equals(r.status())) || named.contains(r.name())) {
          out.add(r);
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
