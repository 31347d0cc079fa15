package dev.envdoctor.container;

import dev.envdoctor.calibrate.SteadyAllocator;
import java.util.ArrayList;
import java.util.List;

/** The argv every Docker-compatible CLI shares (docker, podman and nerdctl take the same flags). */
abstract class CliEngine implements ContainerEngine {

  protected final String cli;

  CliEngine(String cli) {
    this.cli = cli;
  }

  @Override
  public List<String> runPrefix(String containerName, String image, String gpuAccess) {
    // -i: stdin reaches the worker, which waits there for its turn to calibrate (Turns)
    List<String> argv = new ArrayList<>(List.of(cli, "run", "--rm", "-i", "--name", containerName,
        "--network", "none", "--pull", "never", "--label", "dev.envdoctor=worker",
        "-e", SteadyAllocator.containerAssignment()));
    if (initProcess()) {
      // a tiny init as PID 1, so the JVM gets signals as it does natively (PID 1 ignores SIGSEGV's default)
      argv.add("--init");
    }
    if (RuntimeAssessment.GPU_NVIDIA_RUNTIME.equals(gpuAccess)) {
      argv.addAll(List.of("--gpus", "all"));
    } else if (RuntimeAssessment.GPU_CDI.equals(gpuAccess)) {
      argv.addAll(List.of("--device", "nvidia.com/gpu=all"));
    }
    argv.add(image);
    return argv;
  }

  /** Whether {@code --init} works out of the box with this CLI. */
  protected boolean initProcess() {
    return true;
  }

  @Override
  public List<String> forceRemove(String containerName) {
    return List.of(cli, "rm", "-f", containerName);
  }

  @Override
  public List<String> imageArchitecture(String image) {
    return List.of(cli, "image", "inspect", "--format", "{{.Architecture}}", image);
  }

  @Override
  public List<String> removeImage(String image) {
    return List.of(cli, "rmi", "-f", image);
  }
}
