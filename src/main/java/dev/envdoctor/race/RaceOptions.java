package dev.envdoctor.race;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What to race: the user's own command, natively and in their image.
 *
 * @param runtime  the container runtime: docker, podman, nerdctl
 * @param image    the image to run the command in
 * @param repeat   timed runs per side, after the warm-up pair
 * @param workdir  the folder the command runs in; mounted at the same path in the container
 * @param env      extra variables for both sides
 * @param network  the container's network, or null for the engine's default
 * @param timeout  one run's limit: a run past it is ended (its container too)
 * @param until    time each run to the first output line matching it, then end the run; null: to the end
 * @param scale    from the measured run to the full job (epochs × images over the measured ones), or null
 * @param command  the command and its arguments
 */
public record RaceOptions(
    String runtime,
    String image,
    int repeat,
    Path workdir,
    Map<String, String> env,
    String network,
    Duration timeout,
    Pattern until,
    Double scale,
    List<String> command) {

  public RaceOptions {
    env = env == null ? Map.of() : Map.copyOf(env);
    command = List.copyOf(command);
  }
}
