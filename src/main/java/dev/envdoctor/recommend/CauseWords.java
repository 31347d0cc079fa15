package dev.envdoctor.recommend;

import java.util.List;

/** A verdict's causes in the words the user reads: one sentence a {@link Cause}. Pure. */
final class CauseWords {

  private CauseWords() {}

  static List<String> of(List<Cause> causes) {
    return causes.stream().map(CauseWords::of).toList();
  }

  static String of(Cause cause) {
    if (cause instanceof Cause.MacVmWithoutMetal c) {
      return label(c.runtime()) + " on macOS runs Linux in a VM without Metal: the container trains on CPU only";
    }
    if (cause instanceof Cause.ContainerGpuFailed c) {
      return "the " + label(c.runtime()) + " container has no working GPU: " + c.diagnosis();
    }
    if (cause instanceof Cause.NoNvidiaRuntime c) {
      return "the " + label(c.runtime()) + " container has no GPU access (no NVIDIA runtime): it trains on CPU only";
    }
    if (cause instanceof Cause.ContainerOnCpuOnly c) {
      return "the " + label(c.runtime()) + " container trains on CPU only";
    }
    if (cause instanceof Cause.CpuShare c) {
      return c.vm() ? "the " + label(c.runtime()) + " VM has " + c.cpus() + " of " + c.hostCpus() + " CPUs"
          : label(c.runtime()) + " containers are limited to " + c.cpus() + " of " + c.hostCpus() + " CPUs";
    }
    if (cause instanceof Cause.GpuPath c) {
      return "the container reaches the GPU " + Facts.gpuPath(c.gpuAccess()) + ": " + gap(c.gap());
    }
    if (cause instanceof Cause.SharedKernel c) {
      return label(c.runtime()) + " containers share the host's kernel and " + cpus(c.hostCpus()) + ": "
          + gap(c.gap());
    }
    if (cause instanceof Cause.LoadBetweenRuns c) {
      return label(c.runtime()) + " containers share the host's kernel and " + cpus(c.hostCpus())
          + ", so a " + Format.times(c.factor())
          + " difference comes from the machine's load changing between the runs, not from the container";
    }
    if (cause instanceof Cause.OtherDevices c) {
      return "natively the training runs on " + c.nativeDevice() + ", in " + label(c.runtime()) + " on "
          + c.boxDevice() + ": " + gap(c.gap());
    }
    if (cause instanceof Cause.RosettaJvm) {
      return "the JVM is x86-64 under Rosetta: no MPS for DJL";
    }
    if (cause instanceof Cause.RosettaPython) {
      return "the Python env is x86-64 under Rosetta: no MPS";
    }
    if (cause instanceof Cause.FasterBackend c) {
      return (Sides.NATIVE.equals(c.runtime()) ? "natively" : "in " + c.runtime()) + " "
          + c.backend() + " on " + c.device() + " is " + Format.times(c.ratio()) + " faster than your " + c.slowBackend()
          + " env on " + c.slowDevice() + ": fix the " + c.slowBackend() + " env to train at that speed";
    }
    if (cause instanceof Cause.OnlyMeasured c) {
      return onlyMeasured(c);
    }
    if (cause instanceof Cause.CpuAllowances c) {
      return Measured.allowance(c);
    }
    if (cause instanceof Cause.Contended c) {
      return Measured.during(c.worst());
    }
    if (cause instanceof Cause.OtherStack c) {
      return "compared on " + c.compared() + ", not your stack: your Python torch was "
          + "timed natively only, not in " + c.runtime() + "; to compare it there, rerun with `--container-python "
          + "IMAGE` (an image with your torch) or time your own training command with `envdoctor race --image IMAGE -- "
          + "python train.py`";
    }
    throw new IllegalArgumentException("no words for " + cause);
  }

  /** "parity within 3%", "native is 12% faster", "no measurable difference", "not told apart within the run's budget". */
  static String gap(Cause.Gap g) {
    double r = g.nativeOverBox();
    return switch (g.kind()) {
      case UNDECIDED -> "not told apart within the run's budget";
      case NO_MEASURABLE_DIFFERENCE -> "no measurable difference";
      case PARITY -> "parity within " + Math.max(1, (int) Math.ceil(Math.abs(r - 1) * 100)) + "%";
      case NATIVE_FASTER -> "native is " + Format.times(r) + " faster";
      case CONTAINER_FASTER -> "the container is " + Format.times(1 / r) + " faster";
    };
  }

  private static String onlyMeasured(Cause.OnlyMeasured c) {
    if (c.tried().isEmpty()) {
      return "only " + c.runtime() + " was measured: " + (!c.leftOut().isEmpty() ? "you left out " + Missing.names(c.leftOut())
          : !c.probed() ? "container runtimes were not probed" : "no container runtime was found");
    }
    List<String> parts = c.tried().stream()
        .map(t -> t.runtime() + (t.ready() ? " has no usable calibration" : " is " + t.status())).toList();
    return "only " + c.runtime() + " was measured: " + String.join(", ", parts);
  }

  private static String cpus(Integer hostCpus) {
    return hostCpus == null ? "CPUs" : "all " + hostCpus + " CPUs";
  }

  private static String label(String runtime) {
    return Facts.label(runtime);
  }
}
