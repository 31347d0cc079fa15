package dev.envdoctor.container;

import dev.envdoctor.verify.SelfLauncher;
import java.util.ArrayList;
import java.util.List;

/** The worker's command line inside the image: the same JVM flags as natively, the image's paths. */
public final class ContainerCommand {

  static final String APP = "/opt/envdoctor";
  static final String CLASSPATH = APP + "/envdoctor.jar:" + APP + "/lib/*";
  /** The worker's class-data-sharing archive, dumped by the image build's warm-up run. */
  static final String ARCHIVE = APP + "/worker.jsa";

  private ContainerCommand() {}

  /** {@code java <worker flags> -cp ... dev.envdoctor.Main worker}: the worker arguments follow. */
  public static List<String> worker() {
    List<String> argv = new ArrayList<>();
    argv.add("java");
    argv.addAll(SelfLauncher.WORKER_FLAGS);
    argv.add("-XX:ErrorFile=/tmp/envdoctor/hs_err_pid%p.log");
    argv.add("-XX:SharedArchiveFile=" + ARCHIVE); // made at image build (Dockerfile); ignored when absent
    argv.addAll(List.of("-cp", CLASSPATH, "dev.envdoctor.Main", "worker"));
    return argv;
  }
}
