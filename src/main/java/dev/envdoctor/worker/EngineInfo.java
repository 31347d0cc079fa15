package dev.envdoctor.worker;

import dev.envdoctor.model.Engine;
import ai.djl.pytorch.jni.LibUtils;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the loaded DJL engine is: versions, the libtorch folder, its flavour (cpu, cu128, ...). */
final class EngineInfo {

  /** DJL's cache folder names: 2.7.1-20250812-cpu-linux-x86_64, 2.7.1-cu128-linux-x86_64. */
  private static final Pattern FOLDER = Pattern.compile("(\\d+\\.\\d+\\.\\d+)(?:-\\d{8})?-(cpu|cu\\d+|mps)");

  private EngineInfo() {}

  static Engine describe(ai.djl.engine.Engine engine, String diagnosis) {
    String path = null;
    try {
      path = LibUtils.getLibtorchPath();
    } catch (RuntimeException | LinkageError e) {
      // an engine without this entry point still has a version to report
    }
    return new Engine(null, "DJL " + engine.getEngineName(), ai.djl.engine.Engine.getDjlVersion(),
        engine.getVersion(), path, flavor(path, System.getenv("PYTORCH_FLAVOR")), diagnosis);
  }

  /** cpu, cu128, ... from the libtorch folder name; else PYTORCH_FLAVOR; else null. */
  static String flavor(String libtorchPath, String flavorEnv) {
    if (libtorchPath != null) {
      for (Path p = Path.of(libtorchPath); p != null; p = p.getParent()) {
        Matcher m = FOLDER.matcher(p.getFileName() == null ? "" : p.getFileName().toString());
        if (m.find()) {
          return m.group(2);
        }
      }
    }
    return flavorEnv == null || flavorEnv.isBlank() ? null : flavorEnv;
  }
}
