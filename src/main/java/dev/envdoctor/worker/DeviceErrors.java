package dev.envdoctor.worker;

import dev.envdoctor.protocol.Diagnosis;

/**
 * What libtorch's exception on a device means, in plain words with a fix. Pure: the device name and
 * the first line of the message in, a {@link Diagnosis} out.
 */
public final class DeviceErrors {

  private DeviceErrors() {}

  public static Diagnosis explain(String device, String message) {
    String m = message == null ? "" : message;
    if (m.contains("from the 'CUDA' backend") || m.contains("not compiled with CUDA") || m.contains("no CUDA")) {
      return new Diagnosis(device + " could not compute: this libtorch is a CPU build, it has no CUDA kernels",
          "give DJL a CUDA libtorch 2.7.1: the ai.djl.pytorch:pytorch-native-cu* jar for this platform, or"
              + " PYTORCH_LIBRARY_PATH to a CUDA libtorch 2.7.1 with PYTORCH_VERSION=2.7.1 and PYTORCH_FLAVOR=cu*");
    }
    if (m.contains("not linked with support for mps")) {
      return new Diagnosis(device + " could not compute: this libtorch has no MPS backend (only the osx-aarch64 build has)",
          "MPS needs an arm64 JVM on an Apple Silicon Mac running macOS 13+ natively, with the osx-aarch64 natives");
    }
    if (m.contains("out of memory")) {
      return new Diagnosis(device + " ran out of memory: " + m, "free the device's memory (other jobs), then retry");
    }
    if (m.contains("CUDA driver version is insufficient")) {
      return new Diagnosis(device + " could not compute: the NVIDIA driver is older than libtorch's CUDA runtime",
          "update the NVIDIA driver, or use a libtorch built for an older CUDA");
    }
    String fix = device.startsWith("cuda")
        ? "check nvidia-smi and that this libtorch is a CUDA build (flavor cu*) the driver supports"
        : device.equals("mps") ? "MPS needs an arm64 JVM on Apple Silicon with macOS 13+, natively (not in a VM)"
        : "see the worker log ($ENVDOCTOR_HOME/worker.log) for the full error";
    return new Diagnosis(device + " could not compute: " + m, fix);
  }
}
