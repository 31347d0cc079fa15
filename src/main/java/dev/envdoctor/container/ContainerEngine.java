package dev.envdoctor.container;

import dev.envdoctor.model.RuntimeInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One container engine CLI (docker, podman, nerdctl, Apple's container): how to find out what it is and whether it
 * works, and the argv to run, remove and build with it. Detection never throws and answers within
 * the probe's timeout, whatever state the engine is in.
 */
public interface ContainerEngine {

  /** docker, podman, nerdctl or container: the runtime name in the report. */
  String name();

  RuntimeInfo detect(EngineProbe probe);

  /** {@code docker run --rm --name N --network none [gpu flags] IMAGE}: the worker args follow. */
  List<String> runPrefix(String containerName, String image, String gpuAccess);

  /** Removes a container whatever its state; harmless when it is already gone. */
  List<String> forceRemove(String containerName);

  /** Prints the image's architecture; fails when the image is not there. */
  List<String> imageArchitecture(String image);

  /** The normalised architecture in what {@link #imageArchitecture} printed; null when none. */
  default String parseImageArchitecture(String output) {
    return Arch.normalize(output == null ? null : output.trim());
  }

  /** The command a user runs to fetch an image (only named in fixes: envdoctor never pulls). */
  default List<String> pull(String image) {
    return List.of(name(), "pull", image);
  }

  /** {@code CLI build -t TAG [--build-arg A]... DIR}: the same flags in every engine envdoctor knows. */
  default List<String> build(Path contextDir, String tag, List<String> buildArgs) {
    List<String> argv = new ArrayList<>(List.of(name(), "build", "-t", tag));
    for (String a : buildArgs) {
      argv.add("--build-arg");
      argv.add(a);
    }
    argv.add(contextDir.toString());
    return argv;
  }

  List<String> removeImage(String image);
}
