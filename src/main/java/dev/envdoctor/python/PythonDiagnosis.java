package dev.envdoctor.python;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.Host;
import dev.envdoctor.model.PythonEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns what the user's Python did into report facts with one diagnosis line and one fix: missing,
 * crashed, hung, printed garbage, failed, lacks torch, runs under Rosetta, has a CPU-only torch on an
 * NVIDIA host, cannot reach CUDA, or has MPS built but unavailable. Pure: a run and the host facts
 * in, records out; never an error of the tool.
 */
public final class PythonDiagnosis {

  /** One diagnosis line and its fix. */
  public record Finding(String diagnosis, String fix) {}

  private PythonDiagnosis() {}

  /** No interpreter anywhere envdoctor looks. */
  public static PythonEnv notFound() {
    return new PythonEnv(null, null, null, null, null, null,
        "no Python found: no --python, no $VIRTUAL_ENV, no $CONDA_PREFIX and no python3 on PATH",
        "activate your training environment or pass --python PATH (Python 3.8+ with torch)");
  }

  /** python.* of the report for one run of the script. */
  public static PythonEnv env(PythonLocator.Located located, PythonBackend.Run run, Host host) {
    String exe = located.executable().toString();
    ScriptOutput out = run.output();
    ScriptOutput.Facts facts = out == null ? null : out.python();
    PythonEnv.Threads threads = out == null ? null : ThreadFinding.of(run.threads(), out.worker().calibrations());
    PythonEnv.Torch torch = facts == null || facts.torch() == null ? null
        : new PythonEnv.Torch(facts.torch().version(), facts.torch().cuda(), facts.torch().mps(), facts.torch().blas(), threads);
    Optional<Finding> finding = processFinding(exe, run).or(() -> envFinding(exe, out, host));
    return new PythonEnv(
        facts != null && facts.executable() != null ? facts.executable() : exe,
        facts == null ? null : facts.version(),
        facts == null ? null : facts.arch(),
        facts == null ? null : facts.venv(),
        located.found(),
        torch,
        finding.map(Finding::diagnosis).orElse(null),
        finding.map(Finding::fix).orElse(null));
  }

  /** The process itself went wrong: not there, crashed, hung, failed, or printed something else. */
  static Optional<Finding> processFinding(String exe, PythonBackend.Run run) {
    CommandResult r = run.result();
    String tail = r.stderrTail(1).stream().findFirst().map(l -> "; last stderr line: " + l.strip()).orElse("");
    String byHand = "run `" + exe + " -c \"import torch; print(torch.__version__)\"` by hand to see it";
    return switch (r.status()) {
      case NOT_FOUND -> Optional.of(new Finding(exe + ": no such executable",
          "pass --python the interpreter of your training env (for example .venv/bin/python)"));
      case SIGNALLED -> Optional.of(new Finding(exe + " crashed: "
          + r.describe().substring(r.describe().lastIndexOf("killed by")) + " before it answered" + tail,
          byHand + "; a crash on import is usually a torch wheel built for another Python or CPU:"
              + " reinstall it with `" + exe + " -m pip install --force-reinstall torch`"));
      case TIMED_OUT, STOPPED -> run.parsed() ? Optional.of(new Finding(exe + (r.status() == CommandResult.Status.STOPPED
          ? " was stopped when asked" : " ran past its " + r.spec().timeout().toSeconds() + " s and was stopped")
          + ": what it finished is kept, the step it was on is marked",
          "rerun on an idle machine, or time a smaller job (--imgsz, --batch)"))
          : Optional.of(new Finding(exe + " gave no answer within " + r.spec().timeout().toSeconds()
          + " s and was killed" + tail,
          byHand + "; an import that hangs points at a network file system, a stuck GPU driver or a"
              + " sitecustomize hook"));
      case FAILED -> Optional.of(new Finding(exe + " exited with code " + r.exitCode() + tail,
          r.stderr() != null && r.stderr().contains("SyntaxError")
              ? "envdoctor needs Python 3.8 or newer: pass --python a newer interpreter"
              : byHand));
      case OK -> run.parsed() ? Optional.empty() : Optional.of(new Finding(exe + " " + run.notOurs(),
          "check that this is a Python interpreter and that no sitecustomize or .pth hook prints on stdout"));
    };
  }

  /** The script ran: what about this Python and its torch stands in the way of training. */
  static Optional<Finding> envFinding(String exe, ScriptOutput out, Host host) {
    ScriptOutput.Facts facts = out.python();
    if (facts == null || facts.torch() == null) {
      String error = out.worker().diagnosis() == null ? "" : out.worker().diagnosis();
      if (error.contains("No module named 'torch'") || error.contains("No module named torch")) {
        return Optional.of(new Finding("torch is not installed in this Python (" + exe + ")",
            "install it there (`" + exe + " -m pip install torch`) or point envdoctor at the env that has it"
                + " (activate it, or --python PATH)"));
      }
      return Optional.of(new Finding("torch is installed but does not load: " + error,
          "reinstall torch for this Python and platform: `" + exe + " -m pip install --force-reinstall torch`"));
    }
    return rosetta(exe, facts, host)
        .or(() -> cpuOnlyOnNvidia(facts, host))
        .or(() -> cudaUnusable(facts))
        .or(() -> mpsUnavailable(facts));
  }

  static Optional<Finding> rosetta(String exe, ScriptOutput.Facts facts, Host host) {
    boolean darwin = "darwin".equals(facts.platform());
    boolean x86 = "x86_64".equals(facts.arch()) || "i386".equals(facts.arch());
    // the probe may itself run translated (an x86-64 JVM), so the CPU's name counts as well
    boolean appleSilicon = Boolean.TRUE.equals(facts.translated())
        || host != null && host.os() != null && ("arm64".equals(host.os().arch()) || "aarch64".equals(host.os().arch()))
        || host != null && host.cpu() != null && host.cpu().model() != null && host.cpu().model().startsWith("Apple M");
    if (darwin && x86 && appleSilicon) {
      return Optional.of(new Finding("x86-64 Python under Rosetta 2 on Apple Silicon: torch cannot use the GPU (no MPS)",
          "install an arm64 Python (python.org's universal2 installer, or Homebrew in /opt/homebrew), recreate"
              + " the venv with it and reinstall torch; `" + exe + " -c \"import platform; print(platform.machine())\"`"
              + " must print arm64"));
    }
    return Optional.empty();
  }

  static Optional<Finding> cpuOnlyOnNvidia(ScriptOutput.Facts facts, Host host) {
    Optional<GpuInfo> nvidia = nvidiaGpu(host);
    if (nvidia.isPresent() && facts.torch().cuda() == null) {
      return Optional.of(new Finding("torch " + facts.torch().version() + " is a CPU-only build, but this host has "
          + (nvidia.get().name() == null ? "an NVIDIA GPU" : "an " + nvidia.get().name()),
          "install a CUDA build of torch: `pip install torch --index-url https://download.pytorch.org/whl/cu128`"
              + " (pick the CUDA version your driver supports: nvidia-smi shows it)"));
    }
    return Optional.empty();
  }

  static Optional<Finding> cudaUnusable(ScriptOutput.Facts facts) {
    ScriptOutput.TorchFacts t = facts.torch();
    if (t.cuda() == null || Boolean.TRUE.equals(t.cudaAvailable()) || "darwin".equals(facts.platform())) {
      return Optional.empty();
    }
    String why = t.cudaWarning() == null ? "torch.cuda.is_available() is False" : t.cudaWarning();
    String lower = why.toLowerCase(Locale.ROOT);
    String fix = lower.contains("driver") && (lower.contains("old") || lower.contains("insufficient"))
        ? "update the NVIDIA driver, or install a torch built for an older CUDA (download.pytorch.org/whl/cu1xx)"
        : "check that nvidia-smi lists the GPU and that CUDA_VISIBLE_DEVICES does not hide it";
    return Optional.of(new Finding("torch " + t.version() + " is built for CUDA " + t.cuda()
        + " but cannot use a GPU: " + why, fix));
  }

  static Optional<Finding> mpsUnavailable(ScriptOutput.Facts facts) {
    PythonEnv.Mps mps = facts.torch().mps();
    if ("darwin".equals(facts.platform()) && mps != null && Boolean.TRUE.equals(mps.built())
        && !Boolean.TRUE.equals(mps.available())) {
      return Optional.of(new Finding("MPS is built into torch " + facts.torch().version() + " but not available:"
          + " macOS too old for this torch, a macOS VM without GPU access, or not Apple Silicon",
          "train natively on Apple Silicon with macOS 14 or newer (torch's MPS minimum), not in a VM"));
    }
    return Optional.empty();
  }

  /** Fixes for the failures a device itself reports, by the words torch uses. */
  static String deviceFix(String diagnosis) {
    String d = diagnosis == null ? "" : diagnosis.toLowerCase(Locale.ROOT);
    if (d.contains("no kernel image") || d.contains("not compatible with the current pytorch installation")) {
      return "this torch has no kernels for this GPU's compute capability: install a newer torch built for it"
          + " (download.pytorch.org/whl/cu128 or later for recent GPUs)";
    }
    if (d.contains("out of memory")) {
      return "free the GPU (nvidia-smi lists the processes using it) or run envdoctor when it is idle";
    }
    if (d.contains("differs from the cpu") || d.contains("nan")) {
      return "the device computes wrong results: update the driver (macOS: the OS) and torch, and report it if it stays";
    }
    return null;
  }

  static Optional<GpuInfo> nvidiaGpu(Host host) {
    if (host == null) {
      return Optional.empty();
    }
    return host.gpus().stream()
        .filter(g -> contains(g.vendor(), "nvidia") || contains(g.name(), "nvidia"))
        .findFirst();
  }

  private static boolean contains(String text, String part) {
    return text != null && text.toLowerCase(Locale.ROOT).contains(part);
  }

  /**
   * devices[] of this Python: the script's, marked native, with the env's finding as the reason of a
   * device that did not compute; plus a line for an accelerator the host has but torch cannot reach.
   */
  public static List<DeviceResult> devices(ScriptOutput out, PythonEnv env, Host host) {
    List<DeviceResult> devices = new ArrayList<>();
    for (DeviceResult d : out.worker().devices()) {
      boolean accelerator = !"cpu".equals(d.device());
      String diagnosis = d.diagnosis();
      String fix = d.fix();
      if (!Boolean.TRUE.equals(d.verified()) && accelerator && env.diagnosis() != null) {
        diagnosis = env.diagnosis() + (diagnosis == null ? "" : " (" + diagnosis + ")");
        fix = env.fix();
      } else if (!Boolean.TRUE.equals(d.verified()) && fix == null) {
        fix = deviceFix(diagnosis);
      }
      devices.add(DeviceResultBuilder.builder(d)
          .runtime("native")
          .backend(Backend.PYTHON)
          .diagnosis(diagnosis)
          .fix(fix)
          .build());
    }
    boolean anyCuda = devices.stream().anyMatch(d -> d.device().startsWith("cuda"));
    if (!anyCuda && nvidiaGpu(host).isPresent() && env.diagnosis() != null) {
      devices.add(DeviceResultBuilder.builder()
          .runtime("native")
          .backend(Backend.PYTHON)
          .device("cuda")
          .name(nvidiaGpu(host).get().name())
          .verified(false)
          .diagnosis(env.diagnosis())
          .fix(env.fix())
          .stderrTail(List.of())
          .build());
    }
    return devices;
  }
}
