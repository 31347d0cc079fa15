package dev.envdoctor.race;

import dev.envdoctor.container.RuntimeAssessment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The user's command in their image, the way they would run it by hand: the working folder mounted
 * at the same path and used as the working directory, their UID and GID (so files the command
 * writes are theirs), the engine's default network unless --network says otherwise (a training
 * script may read its data over the network: unlike the worker's --network none), and the GPU
 * flags the engine offers. The image is never pulled at run time.
 */
final class ContainerArgv {

  private ContainerArgv() {}

  static List<String> of(String cli, String name, String image, Path workdir, String user, String network,
      String gpuAccess, Map<String, String> env, List<String> command) {
    List<String> argv = new ArrayList<>(List.of(cli, "run", "--rm", "--name", name, "--pull", "never",
        "--label", "dev.envdoctor=race", "-v", workdir + ":" + workdir, "-w", workdir.toString()));
    if (user != null) {
      argv.addAll(List.of("--user", user));
    }
    if (network != null) {
      argv.addAll(List.of("--network", network));
    }
    argv.addAll(gpuFlags(gpuAccess));
    if (!env.containsKey("HOME")) {
      // a UID the image does not know has / as its home; caches (torch's, pip's) need a writable one
      argv.addAll(List.of("-e", "HOME=/tmp"));
    }
    env.forEach((k, v) -> argv.addAll(List.of("-e", k + "=" + v)));
    argv.add(image);
    argv.addAll(command);
    return argv;
  }

  /** --gpus all with NVIDIA's runtime hook, a CDI device where the host has CDI specs, else none. */
  static List<String> gpuFlags(String gpuAccess) {
    if (RuntimeAssessment.GPU_NVIDIA_RUNTIME.equals(gpuAccess)) {
      return List.of("--gpus", "all");
    }
    if (RuntimeAssessment.GPU_CDI.equals(gpuAccess)) {
      return List.of("--device", "nvidia.com/gpu=all");
    }
    return List.of();
  }
}
