package dev.envdoctor.container;

import dev.envdoctor.model.RuntimeStatus;

import dev.envdoctor.calibrate.SteadyAllocator;
import dev.envdoctor.container.parse.AppleContainerParser;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.model.RuntimeInfo;
import java.util.List;

/**
 * Apple's {@code container} CLI (github.com/apple/container): each container is its own lightweight
 * Linux VM (Virtualization.framework, Apple Silicon, macOS 15/26), so like every Linux VM on a Mac
 * it has no Metal and PyTorch in it trains on CPU only. Its flags are not Docker's: the argv below
 * follows its documented command reference.
 */
public final class AppleContainerEngine implements ContainerEngine {

  static final String CLI = "container";
  /** Each container's VM without --cpus/--memory (docs/how-to.md; config.toml [container] from 1.0). */
  static final int DEFAULT_CPUS = 4;
  static final long DEFAULT_MEMORY_BYTES = 1L << 30;

  static final String INSTALL_FIX = "install Apple's container from https://github.com/apple/container/releases"
      + " (or 'brew install container'), then run 'container system start'";
  static final String START_FIX = "container system start";

  @Override
  public String name() {
    return CLI;
  }

  /**
   * Only on macOS: elsewhere a program called "container" is some other tool, and running an
   * unknown program to ask its version could do anything, so it is not even started. On macOS the
   * {@code --version} line must be Apple's before anything else is asked.
   */
  @Override
  public RuntimeInfo detect(EngineProbe probe) {
    if (!probe.host().macos()) {
      return RuntimeAssessment.failed(CLI, null, new Failure(RuntimeStatus.NOT_INSTALLED,
          "Apple's container CLI runs only on macOS", "use docker or podman on this host"));
    }
    CommandResult version = probe.run(CLI, "--version");
    if (version.status() == CommandResult.Status.NOT_FOUND) {
      return RuntimeAssessment.failed(CLI, null, new Failure(RuntimeStatus.NOT_INSTALLED,
          "container CLI not found on PATH", INSTALL_FIX));
    }
    if (!version.ok() || !AppleContainerParser.isAppleContainer(version.stdout())) {
      String said = version.ok() ? AppleContainerParser.firstLine(version.stdout()) : version.describe();
      return RuntimeAssessment.failed(CLI, null, new Failure(RuntimeStatus.NOT_INSTALLED,
          "the 'container' on PATH is not Apple's container CLI (--version: " + said + ")", INSTALL_FIX));
    }
    if (probe.host().arch() != null && !"aarch64".equals(probe.host().arch())) {
      return RuntimeAssessment.failed(CLI, null, new Failure(RuntimeStatus.ERROR,
          "Apple's container needs an Apple Silicon Mac; this one is " + probe.host().arch(),
          "use Docker Desktop, Colima or Podman on an Intel Mac"));
    }
    CommandResult status = probe.run(CLI, "system", "status");
    if (!status.ok()) {
      return RuntimeAssessment.failed(CLI, null, statusFailure(status));
    }
    String client = AppleContainerParser.version(version.stdout());
    String server = AppleContainerParser.serverVersion(status.stdout());
    AppleContainerParser.Defaults defaults = defaults(probe);
    EngineFacts facts = EngineFactsBuilder.builder()
        .serverVersion(server != null ? server : client)
        .operatingSystem("linux")
        .osType("linux")
        .arch("aarch64")
        .cpus(defaults.cpus() != null ? defaults.cpus() : DEFAULT_CPUS)
        .memoryBytes(defaults.memoryBytes() != null ? defaults.memoryBytes() : DEFAULT_MEMORY_BYTES)
        .runtimes(List.of())
        .cdiSpecDirs(List.of())
        .cdiDevices(List.of())
        .rootless(false)
        .build();
    return RuntimeAssessment.ok(CLI, null, Product.APPLE_CONTAINER, facts, probe.host(), List.of());
  }

  /**
   * {@code system status} exits 1 with "apiserver is not running [and not registered with
   * launchd]" when the services are down; other commands say "XPC connection error" and "Ensure
   * container system service has been started". A hang past the probe's timeout is a service that
   * does not answer its ping (status itself waits up to 10 s).
   */
  static Failure statusFailure(CommandResult r) {
    if (r.status() == CommandResult.Status.TIMED_OUT) {
      return new Failure(RuntimeStatus.UNREACHABLE, "the container system service gave no answer within "
          + r.spec().timeout().toSeconds() + " s", "container system stop; " + START_FIX);
    }
    String text = (r.stdout() == null ? "" : r.stdout()) + "\n" + (r.stderr() == null ? "" : r.stderr());
    if (text.contains("apiserver is not running") || text.contains("XPC connection error")
        || text.contains("container system start")) {
      return new Failure(RuntimeStatus.UNREACHABLE, "the container system service is not running (" + telling(text) + ")",
          START_FIX);
    }
    String said = text.isBlank() ? r.describe() : telling(text);
    return new Failure(RuntimeStatus.ERROR, "container system status failed: " + said,
        "run 'container system status' to see the whole error");
  }

  /** The line that says what is wrong: 0.x prints "Verifying apiserver is running..." before it. */
  static String telling(String text) {
    for (String line : text.split("\\R")) {
      if (line.contains("not running") || line.contains("XPC") || line.startsWith("Error")) {
        return line.trim();
      }
    }
    return AppleContainerParser.firstLine(text);
  }

  /**
   * The defaults a container gets, from 1.x's property list; the documented 4 CPUs / 1 GiB where
   * the list has none (0.x) or cannot be read: a missing figure must not make a running service
   * look broken.
   */
  private static AppleContainerParser.Defaults defaults(EngineProbe probe) {
    CommandResult props = probe.run(CLI, "system", "property", "list");
    return props.ok() ? AppleContainerParser.containerDefaults(props.stdout())
        : new AppleContainerParser.Defaults(null, null);
  }

  /**
   * {@code container run --rm --name N --network none --label ... IMAGE}. No GPU flag exists (the
   * VM has no GPU), so gpuAccess is ignored. Not passed, because the CLI has no such flag:
   * {@code --pull never} (the image's presence is checked before the run, so nothing is pulled)
   * and {@code --init} (the VM's init is vminitd; whether the worker is PID 1 of its namespace is
   * not documented). {@code --network none}
   * is not in the command reference but was added by apple/container PR #739 (2025-10); an older
   * CLI rejects it, which the run reports as a failed worker with the CLI's error.
   */
  @Override
  public List<String> runPrefix(String containerName, String image, String gpuAccess) {
    return List.of(CLI, "run", "--rm", "-i", "--name", containerName, "--network", "none",
        "--label", "dev.envdoctor=worker", "--env", SteadyAllocator.containerAssignment(), image);
  }

  /** {@code container delete --force}: stops the container's VM if it still runs. */
  @Override
  public List<String> forceRemove(String containerName) {
    return List.of(CLI, "delete", "--force", containerName);
  }

  /** JSON, read by {@link #parseImageArchitecture}: the CLI has no --format for image inspect. */
  @Override
  public List<String> imageArchitecture(String image) {
    return List.of(CLI, "image", "inspect", image);
  }

  @Override
  public String parseImageArchitecture(String output) {
    return Arch.normalize(AppleContainerParser.imageArchitecture(output));
  }

  @Override
  public List<String> pull(String image) {
    return List.of(CLI, "image", "pull", image);
  }

  @Override
  public List<String> removeImage(String image) {
    return List.of(CLI, "image", "delete", image);
  }
}
