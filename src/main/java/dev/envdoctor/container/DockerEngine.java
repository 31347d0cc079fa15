package dev.envdoctor.container;

import dev.envdoctor.model.RuntimeStatus;

import dev.envdoctor.container.parse.DockerContextParser;
import dev.envdoctor.container.parse.DockerInfoParser;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.model.Runtimes;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Docker, and nerdctl, which answers {@code info --format '{{json .}}'} in the same shape. The
 * active context is DOCKER_HOST when set, else DOCKER_CONTEXT or the current context, with its
 * endpoint from {@code docker context inspect}.
 */
public final class DockerEngine extends CliEngine {

  public DockerEngine() {
    super("docker");
  }

  DockerEngine(String cli) {
    super(cli);
  }

  public static DockerEngine nerdctl() {
    return new DockerEngine("nerdctl");
  }

  @Override
  public String name() {
    return cli;
  }

  @Override
  public RuntimeInfo detect(EngineProbe probe) {
    CommandResult info = probe.run(cli, "info", "--format", "{{json .}}");
    if (info.status() == CommandResult.Status.NOT_FOUND) {
      return RuntimeAssessment.failed(cli, null, FailureDiagnosis.of(cli, info, probe.env(), probe.host()));
    }
    Context ctx = context(probe);
    String context = ctx.describe();
    if (!info.ok()) {
      return RuntimeAssessment.failed(cli, context, FailureDiagnosis.of(cli, info, probe.env(), probe.host(), address(ctx)));
    }
    EngineFacts facts;
    try {
      facts = DockerInfoParser.parse(info.stdout());
    } catch (IllegalArgumentException e) {
      return RuntimeAssessment.failed(cli, context, new Failure(RuntimeStatus.ERROR,
          cli + " info printed something unexpected: " + e.getMessage(), "run '" + cli + " info' to see it"));
    }
    if (facts.serverVersion() == null) {
      FailureDiagnosis.Address tried = address(ctx);
      return RuntimeAssessment.failed(cli, context, tried != null ? FailureDiagnosis.unreachable(cli, tried, probe.host())
          : new Failure(RuntimeStatus.UNREACHABLE, cli + " info reached no engine", FailureDiagnosis.restartFix(cli, probe.host())));
    }
    Product product = "nerdctl".equals(cli)
        ? (probe.host().macos() ? Product.LINUX_VM_ON_MAC : Product.NERDCTL_NATIVE)
        : ProductDetector.docker(facts, ctx.name() != null ? ctx.name() : facts.clientContext(), ctx.endpoint(),
            probe.host());
    return RuntimeAssessment.ok(cli, context, product, facts, probe.host(), probe.hostCdiDevices());
  }

  /** The context the CLI uses and its endpoint; either may be null. */
  record Context(String name, String endpoint) {
    String describe() {
      return name == null ? null : endpoint == null ? name : name + " (" + endpoint + ")";
    }
  }

  /**
   * Where this CLI looked, where its endpoint is known, and whether a socket file is there. Null where
   * it is not (context inspect failed): guessing /var/run/docker.sock misnames rootless Docker, whose
   * socket is under /run/user, so the CLI's own message names the address instead.
   */
  static FailureDiagnosis.Address address(Context ctx) {
    if (ctx.endpoint() == null) {
      return null;
    }
    String endpoint = ctx.endpoint();
    String from = "DOCKER_HOST".equals(ctx.name()) ? "DOCKER_HOST"
        : ctx.name() == null || "default".equals(ctx.name()) ? "the default context" : "context " + ctx.name();
    Boolean there = endpoint.startsWith("unix://") ? Files.exists(Path.of(endpoint.substring("unix://".length()))) : null;
    return new FailureDiagnosis.Address(endpoint, from, there);
  }

  /** DOCKER_HOST wins over any context, as in the CLI. */
  private Context context(EngineProbe probe) {
    String host = probe.env().get("DOCKER_HOST");
    if (host != null && !host.isBlank()) {
      return new Context("DOCKER_HOST", host);
    }
    if (!Runtimes.DOCKER.equals(cli)) {
      return new Context(null, null);
    }
    CommandResult inspect = probe.run(cli, "context", "inspect");
    if (!inspect.ok()) {
      return new Context(probe.env().get("DOCKER_CONTEXT"), null);
    }
    return new Context(DockerContextParser.name(inspect.stdout()), DockerContextParser.endpoint(inspect.stdout()));
  }
}
