package dev.envdoctor.container;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandRunner;
import dev.envdoctor.exec.CommandSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which architecture an image's binaries really run as: {@code uname -m} inside a container of
 * it. The image's metadata is not enough ({@code docker import} of an arm64 root file system
 * records amd64), and an emulated container (an amd64 image under Rosetta or QEMU on Apple
 * Silicon, an arm64 one under qemu-user here) computes correctly and very slowly, so it must be
 * named. Shared by race and --container-python.
 */
public final class TrueArch {

  static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** Measured here: Debian's torch cnn step 2,076 ms in an arm64 image under qemu-user against 15 ms natively. */
  static final String COST = "about 140× slower for a training step (an arm64 image under qemu-user on the x86-64"
      + " development VM, cnn step 2,076 ms against 15 ms natively)";

  private TrueArch() {}

  /** {@code uname -m} in a throw-away container of {@code image} (no network, removed after); null when it would not run. */
  public static String probe(CommandRunner runner, ContainerEngine engine, String image, Map<String, String> env) {
    CommandResult r = once(runner, engine, image, env, TIMEOUT, "uname", "-m");
    return r.ok() ? Arch.normalize(r.stdout().strip()) : null;
  }

  /**
   * One look inside {@code image}: {@code entrypoint args} in a container of our own with no
   * network, never pulled, removed afterwards (also on a timeout or Ctrl-C).
   */
  public static CommandResult once(CommandRunner runner, ContainerEngine engine, String image, Map<String, String> env,
      Duration timeout, String entrypoint, String... args) {
    return new ContainerRun(runner, engine, env).run(name -> {
      List<String> argv = new ArrayList<>(List.of(engine.name(), "run", "--rm", "--name", name, "--network", "none",
          "--pull", "never", "--label", "dev.envdoctor=probe", "--entrypoint", entrypoint, image));
      argv.addAll(List.of(args));
      return runner.run(CommandSpec.of(timeout, argv).withEnv(env));
    });
  }

  /**
   * The note for an emulated container, or empty when the binaries run natively on the engine.
   *
   * @param actual     what {@code uname -m} said inside
   * @param engineArch the engine's own architecture (docker info, podman version)
   */
  public static Optional<String> emulation(String image, String actual, String engineArch) {
    String a = Arch.normalize(actual);
    String e = Arch.normalize(engineArch);
    if (a == null || e == null || a.equals(e)) {
      return Optional.empty();
    }
    return Optional.of("emulated: " + image + " runs " + a + " binaries on this " + e + " engine, every instruction"
        + " translated (" + COST + "); use an image built for linux/" + (e.equals("x86_64") ? "amd64" : "arm64"));
  }
}
