package dev.envdoctor.container;

import dev.envdoctor.container.parse.Sizes;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.model.RuntimeInfoBuilder;
import dev.envdoctor.model.RuntimeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * From an engine's facts to its {@code runtimes[]} entry: GPU access, the product's consequence
 * for training (no Metal in a VM on macOS), and warnings where the VM is starved or emulated.
 * Pure: facts in, RuntimeInfo out.
 */
public final class RuntimeAssessment {

  /** The VM gets less than this share of the host's CPUs or memory: worth a warning. */
  static final double STARVED = 0.5;

  public static final String GPU_NVIDIA_RUNTIME = "nvidia-runtime";
  public static final String GPU_CDI = "cdi";
  public static final String GPU_NONE = "none";

  private RuntimeAssessment() {}

  public static RuntimeInfo ok(String engine, String context, Product product, EngineFacts f, HostFacts host,
      List<String> hostCdiDevices) {
    String gpu = gpuAccess(f, hostCdiDevices, product);
    List<String> notes = new ArrayList<>(notes(engine, product, f, host, gpu));
    String os = f.osType() == null ? f.operatingSystem() : f.osType();
    String diagnosis = String.format(Locale.ROOT, "%s %s in %s: %s/%s, %s CPUs, %s%s",
        engine, f.serverVersion() == null ? "" : f.serverVersion(), product.label(), os, f.arch(),
        f.cpus() == null ? "?" : f.cpus(), Sizes.human(f.memoryBytes()),
        GPU_NONE.equals(gpu) ? ", no GPU access" : ", GPU access through " + gpu);
    return RuntimeInfoBuilder.builder()
        .name(engine)
        .kind("container")
        .status(RuntimeStatus.OK)
        .context(context)
        .product(product.label())
        .serverVersion(f.serverVersion())
        .os(os)
        .arch(f.arch())
        .cpus(f.cpus())
        .memoryBytes(f.memoryBytes())
        .gpuAccess(gpu)
        .diagnosis(diagnosis)
        .notes(notes)
        .build();
  }

  public static RuntimeInfo failed(String engine, String context, Failure failure) {
    return RuntimeInfoBuilder.builder()
        .name(engine)
        .kind("container")
        .status(failure.status())
        .context(context)
        .diagnosis(failure.diagnosis())
        .fix(failure.fix())
        .notes(List.of())
        .build();
  }

  static String gpuAccess(EngineFacts f, List<String> hostCdiDevices, Product product) {
    if (f.hasNvidiaRuntime()) {
      return GPU_NVIDIA_RUNTIME;
    }
    boolean localLinux = product == Product.DOCKER_ENGINE || product == Product.PODMAN_NATIVE
        || product == Product.NERDCTL_NATIVE;
    if (f.hasNvidiaCdiDevice() || (localLinux && hostCdiDevices.stream().anyMatch(d -> d.startsWith("nvidia.com/gpu")))) {
      return GPU_CDI;
    }
    return GPU_NONE;
  }

  static List<String> notes(String engine, Product product, EngineFacts f, HostFacts host, String gpu) {
    List<String> notes = new ArrayList<>();
    if (product.vmOnMac()) {
      notes.add(product.label() + " runs Linux in a VM on macOS: containers have no Metal, so PyTorch in the"
          + " container trains on CPU only (train natively with MPS to use the GPU)");
    }
    if (product == Product.APPLE_CONTAINER) {
      notes.add("each container is its own lightweight VM, given " + (f.cpus() == null ? "?" : f.cpus()) + " CPUs and "
          + Sizes.human(f.memoryBytes()) + " unless 'container run --cpus N --memory M'");
    }
    if (product == Product.PODMAN_MACHINE_LIBKRUN) {
      notes.add("libkrun gives the VM a Vulkan (Venus) GPU, but PyTorch has no Vulkan training backend: still CPU only");
    }
    if (f.cdiDevices().stream().anyMatch(d -> d.startsWith("docker.com/gpu=webgpu"))) {
      notes.add("the docker.com/gpu=webgpu device is for WebGPU applications, not for CUDA or PyTorch");
    }
    if (product == Product.DOCKER_DESKTOP_WINDOWS && GPU_NVIDIA_RUNTIME.equals(gpu)) {
      notes.add("CUDA reaches WSL 2 containers through the Windows NVIDIA driver: use --gpus all");
    }
    boolean vm = product.vmOnMac() || product == Product.DOCKER_DESKTOP_WINDOWS || product == Product.PODMAN_MACHINE;
    if (vm && host.logicalCpus() != null && f.cpus() != null && f.cpus() < host.logicalCpus() * STARVED) {
      notes.add("warning: the " + product.label() + " VM gets " + f.cpus() + " of the host's " + host.logicalCpus()
          + " CPUs: training in a container is limited to them; " + resizeHint(product));
    }
    if (vm && host.memoryBytes() != null && f.memoryBytes() != null && f.memoryBytes() < host.memoryBytes() * STARVED) {
      notes.add("warning: the " + product.label() + " VM gets " + Sizes.human(f.memoryBytes()) + " of the host's "
          + Sizes.human(host.memoryBytes()) + ": large batches may run out of memory; " + resizeHint(product));
    }
    if (host.arch() != null && f.arch() != null && !host.arch().equals(f.arch())) {
      notes.add("warning: the " + engine + " engine runs " + f.arch() + " on an " + host.arch()
          + " host: every container is emulated (very slow); use an " + host.arch() + " engine and image");
    }
    return notes;
  }

  static String resizeHint(Product product) {
    return switch (product) {
      case DOCKER_DESKTOP, DOCKER_DESKTOP_WINDOWS -> "raise it in Docker Desktop, Settings > Resources";
      case ORBSTACK -> "raise it with 'orb config set cpu N' / 'orb config set memory_mib M'";
      case COLIMA -> "raise it with 'colima stop; colima start --cpu N --memory GiB'";
      case RANCHER_DESKTOP -> "raise it in Rancher Desktop, Preferences > Virtual Machine";
      case PODMAN_MACHINE, PODMAN_MACHINE_APPLEHV, PODMAN_MACHINE_LIBKRUN ->
          "raise it with 'podman machine stop; podman machine set --cpus N --memory MiB'";
      case APPLE_CONTAINER -> "raise the defaults in ~/.config/container/config.toml ([container] cpus, memory;"
          + " container 1.0+) and 'container system stop; container system start', or pass --cpus/--memory to container run";
      default -> "raise the VM's CPUs and memory in its settings";
    };
  }
}
