package dev.envdoctor.recommend;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Contention;
import dev.envdoctor.model.CpuAllowance;
import dev.envdoctor.model.RuntimeStatus;
import java.util.List;

/**
 * One reason behind a verdict, as the facts it was read from; {@link CauseWords} says it. Runtimes
 * are the report's names (docker, podman), devices its device names.
 */
public sealed interface Cause {

  /** What a comparison of native with a container measured, as the causes cite it. */
  record Gap(Kind kind, double nativeOverBox) {
    public enum Kind {
      /** the verdict could not tell the sides apart within the run's budget */
      UNDECIDED,
      /** the interval spans 1 */
      NO_MEASURABLE_DIFFERENCE,
      /** inside the parity band */
      PARITY,
      NATIVE_FASTER,
      CONTAINER_FASTER
    }
  }

  /** The runtime on macOS runs Linux in a VM without Metal: its container trains on CPU only. */
  record MacVmWithoutMetal(String runtime) implements Cause {}

  /** The container's GPU failed its check; {@code diagnosis} from verify. */
  record ContainerGpuFailed(String runtime, String diagnosis) implements Cause {}

  /** On Linux, the runtime has no NVIDIA runtime: no GPU in the container. */
  record NoNvidiaRuntime(String runtime) implements Cause {}

  /** Native reached an accelerator, the container trained on CPU only. */
  record ContainerOnCpuOnly(String runtime) implements Cause {}

  /** The container (or its VM, {@code vm}) may use {@code cpus} of the host's {@code hostCpus}. */
  record CpuShare(String runtime, boolean vm, int cpus, int hostCpus) implements Cause {}

  /** The container reaches the GPU by {@code gpuAccess} (the runtime's, or null), and what that measured. */
  record GpuPath(String gpuAccess, Gap gap) implements Cause {}

  /** On Linux the container shares the host's kernel and all its CPUs ({@code hostCpus}, null if unknown). */
  record SharedKernel(String runtime, Integer hostCpus, Gap gap) implements Cause {}

  /** Shared kernel and CPUs, timed apart: a {@code factor} difference is the machine's load, not the container. */
  record LoadBetweenRuns(String runtime, Integer hostCpus, double factor) implements Cause {}

  /** The sides trained on different devices. */
  record OtherDevices(String nativeDevice, String runtime, String boxDevice, Gap gap) implements Cause {}

  /** The JVM is x86-64 under Rosetta: no MPS for DJL. */
  record RosettaJvm() implements Cause {}

  /** The Python env is x86-64 under Rosetta: no MPS. */
  record RosettaPython() implements Cause {}

  /** On one side ({@code runtime}) another backend beats the Python env by {@code ratio}: fix the env. */
  record FasterBackend(String runtime, Backend backend, String device, double ratio, Backend slowBackend,
      String slowDevice) implements Cause {}

  /**
   * Only {@code runtime} was measured: the container runtimes tried and their states, else those
   * --runtime left out, else whether runtimes were probed at all.
   */
  record OnlyMeasured(String runtime, List<Tried> tried, List<String> leftOut, boolean probed) implements Cause {
    /** @param ready the engine answered (it was running) but left no usable calibration */
    public record Tried(String runtime, boolean ready, RuntimeStatus status) {}
  }

  /** The two sides may use different numbers of CPUs (each allowance with the contention seen under it). */
  record CpuAllowances(String runtime, CpuAllowance nativeAllowance, Contention nativeDuring, CpuAllowance boxAllowance,
      Contention boxDuring) implements Cause {}

  /** Other processes (or the hypervisor) took a quarter CPU or more while the sides were timed. */
  record Contended(Contention worst) implements Cause {}

  /** The verdict compared another stack than the user's Python env, which the container never ran. */
  record OtherStack(Backend compared, String runtime) implements Cause {}
}
