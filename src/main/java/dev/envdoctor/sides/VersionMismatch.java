package dev.envdoctor.sides;

import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.protocol.CrashDiagnoses;
import dev.envdoctor.protocol.Diagnosis;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Engine;
import dev.envdoctor.protocol.WorkerOutput;
import java.util.Map;

/**
 * DJL's JNI against another libtorch does not always die of a symbol lookup: on the GPU machine
 * (JNI 2.7.1, torch 2.11 at PYTORCH_LIBRARY_PATH) it loads, sees the GPU, and every device then
 * fails its first computation with an error such as "set_stride is not allowed on a Tensor created
 * from .data or .detach()" (recorded/djl/h100-worker-jni-2.7.1-vs-torch-2.11.json). When the versions are
 * known to differ, those failures are the mismatch: say so, name both versions and the fix, and
 * keep the original error in the device's last lines.
 */
final class VersionMismatch {

  private VersionMismatch() {}

  static WorkerOutput explain(WorkerOutput out, Map<String, String> env, String libtorchAtPath) {
    String path = env.get("PYTORCH_LIBRARY_PATH");
    if (path == null || libtorchAtPath == null || sameMinor(libtorchAtPath, CrashDiagnoses.JNI_LIBTORCH)) {
      return out;
    }
    Diagnosis d = diagnosis(path, libtorchAtPath);
    boolean anyFailed = out.devices().stream().anyMatch(x -> Boolean.FALSE.equals(x.verified()));
    var devices = out.devices().stream().map(x -> !Boolean.FALSE.equals(x.verified()) ? x
        : DeviceResultBuilder.builder(x)
            .verified(false)
            .diagnosis(d.line())
            .fix(d.fix())
            .stderrTail(x.diagnosis() == null ? x.stderrTail() : java.util.stream.Stream.concat(x.stderrTail().stream(), java.util.stream.Stream.of(x.diagnosis())).toList())
            .build())
        .toList();
    Engine e = out.engine();
    Engine engine = e == null || !anyFailed ? e
        : new Engine(e.runtime(), e.name(), e.version(), e.libtorchVersion(), e.libraryPath(), e.flavor(), d.line());
    return new WorkerOutput(out.protocol(), engine, devices, out.calibrations(), out.peaks(), out.diagnosis(), out.fix(),
        out.jobs());
  }

  static Diagnosis diagnosis(String path, String libtorchAtPath) {
    String jni = CrashDiagnoses.JNI_LIBTORCH;
    return new Diagnosis("DJL's JNI for libtorch " + jni + " runs against the libtorch " + libtorchAtPath
        + " at PYTORCH_LIBRARY_PATH=" + path + ": the versions differ, so its results cannot be trusted",
        "use the libtorch the JNI was built for: unset PYTORCH_LIBRARY_PATH and ship the matching"
            + " ai.djl.pytorch:pytorch-native-cu* (or -cpu) " + jni + " jar, or point PYTORCH_LIBRARY_PATH at a libtorch "
            + jni + " and set PYTORCH_VERSION=" + jni);
  }

  /** 2.7.1 and 2.7.1+cu128 agree; 2.11.0+cu130 and 2.7.1 do not. */
  static boolean sameMinor(String a, String b) {
    String[] x = a.split("[.+]");
    String[] y = b.split("[.+]");
    return x.length > 1 && y.length > 1 && x[0].equals(y[0]) && x[1].equals(y[1]);
  }
}
