package dev.envdoctor.container;

import dev.envdoctor.model.RuntimeStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envdoctor.container.parse.PodmanInfoParser;
import dev.envdoctor.container.parse.PodmanMachine;
import dev.envdoctor.container.parse.PodmanMachineParser;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.model.RuntimeInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Podman: local on Linux, or a Podman machine (a VM: applehv or libkrun on Apple Silicon) on
 * macOS, whose provider and resources come from {@code podman machine inspect}.
 */
public final class PodmanEngine extends CliEngine {

  private static final ObjectMapper JSON = new ObjectMapper();

  public PodmanEngine() {
    super("podman");
  }

  @Override
  public String name() {
    return "podman";
  }

  /** Where distributions put the catatonit that podman's --init runs (containers.conf init_path). */
  static final List<Path> CATATONIT = List.of(Path.of("/usr/libexec/podman/catatonit"), Path.of("/usr/bin/catatonit"),
      Path.of("/usr/libexec/catatonit/catatonit"));

  /**
   * podman's --init needs catatonit, which Linux distributions package separately (Debian: the
   * catatonit package): without it the run fails, so --init only where it is installed. A Podman
   * machine's VM (Fedora CoreOS) has it.
   */
  @Override
  protected boolean initProcess() {
    return initAvailable(System.getProperty("os.name", ""), Files::isExecutable);
  }

  static boolean initAvailable(String osName, Predicate<Path> executable) {
    return !osName.toLowerCase(java.util.Locale.ROOT).contains("linux") || CATATONIT.stream().anyMatch(executable);
  }

  @Override
  public RuntimeInfo detect(EngineProbe probe) {
    if ("linux".equals(probe.host().osFamily())) {
      RuntimeInfo local = detectLocal(probe);
      if (local != null) {
        return local;
      }
    }
    CommandResult info = probe.run(cli, "info", "--format", "json");
    if (info.status() == CommandResult.Status.NOT_FOUND) {
      return RuntimeAssessment.failed(cli, null, FailureDiagnosis.of(cli, info, probe.env(), probe.host()));
    }
    String connection = connection(probe);
    PodmanMachine machine = probe.host().macos() || "windows".equals(probe.host().osFamily()) ? machine(probe) : null;
    if (!info.ok()) {
      Failure f = FailureDiagnosis.of(cli, info, probe.env(), probe.host());
      if (machine != null && !machine.running() && f.status() == RuntimeStatus.UNREACHABLE) {
        f = new Failure(RuntimeStatus.UNREACHABLE, "Podman machine " + machine.name() + " is " + machine.state(),
            "podman machine start " + machine.name());
      }
      return RuntimeAssessment.failed(cli, connection, f);
    }
    EngineFacts facts;
    try {
      facts = PodmanInfoParser.parse(info.stdout());
    } catch (IllegalArgumentException e) {
      return RuntimeAssessment.failed(cli, connection, new Failure(RuntimeStatus.ERROR,
          "podman info printed something unexpected: " + e.getMessage(), "run 'podman info' to see it"));
    }
    if (machine != null && facts.cpus() == null) {
      facts = EngineFactsBuilder.builder()
          .serverVersion(facts.serverVersion())
          .operatingSystem(facts.operatingSystem())
          .osType(facts.osType())
          .arch(facts.arch())
          .cpus(machine.cpus())
          .memoryBytes(machine.memoryBytes())
          .kernel(facts.kernel())
          .name(facts.name())
          .clientContext(facts.clientContext())
          .runtimes(facts.runtimes())
          .defaultRuntime(facts.defaultRuntime())
          .cdiSpecDirs(facts.cdiSpecDirs())
          .cdiDevices(facts.cdiDevices())
          .rootless(facts.rootless())
          .build();
    }
    Product product = ProductDetector.podman(machine, probe.host());
    return RuntimeAssessment.ok(cli, connection, product, facts, probe.host(), probe.hostCdiDevices());
  }

  /**
   * A local Podman on Linux from {@code podman version}: the host's facts, an order of magnitude
   * faster than {@code podman info}. Null when podman is missing, fails, or talks to a remote
   * server: {@code podman info} then diagnoses or describes it.
   */
  private RuntimeInfo detectLocal(EngineProbe probe) {
    CommandResult version = probe.run(cli, "version", "--format", "json");
    if (!version.ok()) {
      return null;
    }
    EngineFacts facts;
    try {
      facts = PodmanInfoParser.parseLocalVersion(version.stdout(), probe.host().logicalCpus(), probe.host().memoryBytes());
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (facts == null) {
      return null;
    }
    return RuntimeAssessment.ok(cli, connection(probe), Product.PODMAN_NATIVE, facts, probe.host(), probe.hostCdiDevices());
  }

  /** CONTAINER_HOST / CONTAINER_CONNECTION, else the default system connection, else "local". */
  private String connection(EngineProbe probe) {
    String host = probe.env().get("CONTAINER_HOST");
    if (host != null && !host.isBlank()) {
      return "CONTAINER_HOST (" + host + ")";
    }
    String named = probe.env().get("CONTAINER_CONNECTION");
    if (named != null && !named.isBlank()) {
      return named;
    }
    CommandResult list = probe.run(cli, "system", "connection", "list", "--format", "json");
    if (list.ok()) {
      try {
        for (JsonNode c : JSON.readTree(list.stdout())) {
          if (c.path("Default").asBoolean(false)) {
            return c.path("Name").asText() + " (" + c.path("URI").asText() + ")";
          }
        }
      } catch (java.io.IOException e) {
        // an unreadable list: fall back to local
      }
    }
    return "local";
  }

  private PodmanMachine machine(EngineProbe probe) {
    CommandResult r = probe.run(cli, "machine", "inspect");
    if (!r.ok()) {
      return null;
    }
    try {
      List<PodmanMachine> machines = PodmanMachineParser.inspect(r.stdout());
      return machines.stream().filter(PodmanMachine::running).findFirst()
          .orElse(machines.isEmpty() ? null : machines.get(0));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
