package dev.envdoctor.container;

import dev.envdoctor.model.RuntimeStatus;

import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.flow.Stage;
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
    // an engine asked for by name (--runtime container) is listed even where it is not installed,
    // so that verify can say why it did not run there
    String option = ctx.options() == null ? null : ctx.options().runtime();
    List<String> asked = option == null || "all".equals(option) ? List.of() : Engines.selected(option);
    List<RuntimeInfo> found = detectAll(Engines.all(), probe, asked).stream()
        .map(r -> r.excluded(option != null && !"all".equals(option) && !asked.contains(r.name()))).toList();
    List<RuntimeInfo> runtimes = new ArrayList<>(soFar.runtimes());
    runtimes.removeIf(r -> found.stream().anyMatch(f -> f.name().equals(r.name())));
    runtimes.addAll(found);
    return soFar.withRuntimes(runtimes);
  }

  static List<RuntimeInfo> detectAll(List<ContainerEngine> engines, EngineProbe probe) {
    return detectAll(engines, probe, List.of());
  }

  /**
   * Every engine's entry, in order; nerdctl and Apple's container only where their CLI is
   * installed or where {@code asked} names them.
   */
  static List<RuntimeInfo> detectAll(List<ContainerEngine> engines, EngineProbe probe, List<String> asked) {
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
        boolean hidden = Engines.listedOnlyWhenInstalled(r.name()) && r.status() == RuntimeStatus.NOT_INSTALLED
            && !asked.contains(r.name());
        if (!hidden) {
          out.add(r);
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
