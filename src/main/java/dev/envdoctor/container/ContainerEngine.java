package dev.envdoctor.container;

import dev.envdoctor.model.RuntimeInfo;
import java.nio.file.Path;
import java.util.List;

/**
 * One container engine CLI (docker, podman, nerdctl): how to find out what it is and whether it
 * works, and the argv to run, remove and build with it. Detection never throws and answers within
 * the probe's timeout, whatever state the engine is in.
 */
public interface ContainerEngine {

  /** docker, podman or nerdctl: the runtime name in the report. */
  String name();

  RuntimeInfo detect(EngineProbe probe);

  /** {@code docker run --rm --name N --network none [gpu flags] IMAGE}: the worker args follow. */
  List<String> runPrefix(String containerName, String image, String gpuAccess);

  /** Removes a container whatever its state; harmless when it is already gone. */
  List<String> forceRemove(String containerName);

  /** Prints the image's architecture; fails when the image is not there. */
  List<String> imageArchitecture(String image);

  List<String> build(Path contextDir, String tag, List<String> buildArgs);

  List<String> removeImage(String image);
}
