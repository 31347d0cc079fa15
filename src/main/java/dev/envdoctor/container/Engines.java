package dev.envdoctor.container;

import dev.envdoctor.model.Runtimes;
import java.util.List;
import java.util.Optional;

/** The container engines envdoctor knows, in report order. */
public final class Engines {

  private Engines() {}

  public static List<ContainerEngine> all() {
    return List.of(new DockerEngine(), new PodmanEngine(), DockerEngine.nerdctl(), new AppleContainerEngine());
  }

  /** Engines listed in runtimes[] only where their CLI is installed: rare, or tied to one OS. */
  static boolean listedOnlyWhenInstalled(String name) {
    return "nerdctl".equals(name) || AppleContainerEngine.CLI.equals(name);
  }

  public static Optional<ContainerEngine> named(String name) {
    return all().stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The engines a --runtime value selects: all of them for "all", none for "native". */
  public static List<String> selected(String runtimeOption) {
    String r = runtimeOption == null ? "all" : runtimeOption;
    return switch (r) {
      case "all" -> all().stream().map(ContainerEngine::name).toList();
      case "native" -> List.of();
      default -> List.of(r.split(",")).stream().map(String::trim).filter(s -> !Runtimes.isNative(s)).toList();
    };
  }
}
