package dev.envdoctor.python;

import dev.envdoctor.model.CpuInfo;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.Host;
import dev.envdoctor.model.OsInfo;
import dev.envdoctor.model.PythonEnv;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a recorded real output of {@code python -m torch.utils.collect_env} (or a small MPS check)
 * into the facts envdoctor_torch.py reports on that machine, and the host facts the probe would
 * have: how tests reach machines the CI does not have (macOS, Rosetta, NVIDIA).
 */
record RecordedTorch(ScriptOutput.Facts facts, Host host) {

  static RecordedTorch load(String name) throws IOException {
    try (InputStream in = RecordedTorch.class.getResourceAsStream("/recorded/torch/" + name)) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static RecordedTorch parse(String text) {
    Map<String, String> kv = new LinkedHashMap<>();
    List<String> lines = text.lines().toList();
    String cpu = null;
    String cudaWarning = null;
    boolean mpsRefused = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int colon = line.indexOf(": ");
      if (colon > 0 && !line.startsWith(" ")) {
        kv.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 2).strip());
      }
      if (line.equals("CPU:") && i + 1 < lines.size()) {
        cpu = lines.get(i + 1).strip();
      }
      if (line.contains("UserWarning: CUDA initialization: ")) {
        cudaWarning = line.substring(line.indexOf("CUDA initialization: ") + 21).strip();
      }
      // what torch raises when MPS is built in but not available
      mpsRefused |= line.startsWith("RuntimeError: The MPS backend is supported on");
    }
    String torch = first(kv.getOrDefault("PyTorch version", kv.get("PyTorch")));
    String cuda = kv.get("CUDA used to build PyTorch");
    if ("None".equals(cuda) || "Could not collect".equals(cuda)) {
      cuda = null;
    }
    String platformText = kv.getOrDefault("Python platform", kv.getOrDefault("platform", ""));
    String platform = platformText.startsWith("macOS") ? "darwin" : platformText.startsWith("Windows") ? "win32" : "linux";
    String arch = kv.containsKey("arch") ? kv.get("arch")
        : platformText.contains("x86_64") ? "x86_64" : platformText.contains("arm64") ? "arm64"
        : kv.getOrDefault("Python version", "").contains("AMD64") ? "AMD64" : null;
    boolean darwin = "darwin".equals(platform);
    Boolean built = kv.containsKey("MPS built?") ? Boolean.valueOf(kv.get("MPS built?")) : darwin && mpsRefused ? Boolean.TRUE : darwin ? null : Boolean.FALSE;
    Boolean available = kv.containsKey("MPS available?") ? Boolean.valueOf(kv.get("MPS available?")) : mpsRefused ? false : null;
    if (!darwin) {
      available = false;
    }
    boolean cudaAvailable = "True".equals(kv.get("Is CUDA available"));
    ScriptOutput.TorchFacts t = new ScriptOutput.TorchFacts(torch, cuda, new PythonEnv.Mps(built, available),
        cudaAvailable, cudaAvailable ? 1 : 0, cudaWarning, null, null);
    ScriptOutput.Facts facts = new ScriptOutput.Facts(null, null, arch, null, null, null, platform, null, t);
    List<GpuInfo> gpus = new ArrayList<>();
    String gpu = kv.get("GPU models and configuration");
    if (gpu != null && gpu.startsWith("GPU 0: ")) {
      gpus.add(GpuInfo.basic(gpu.substring(7), "NVIDIA", null, kv.get("Nvidia driver version"), null, null));
    }
    if (cpu != null && cpu.startsWith("Architecture=")) {
      cpu = lines.stream().filter(l -> l.startsWith("Name=")).map(l -> l.substring(5)).findFirst().orElse(null);
    }
    Host host = new Host(new OsInfo(darwin ? "macos" : platform.equals("win32") ? "windows" : "linux",
        kv.get("OS"), null, null, null), new CpuInfo(cpu, null, null, null, null, null, null, null), null, null,
        gpus, null, null);
    return new RecordedTorch(facts, host);
  }

  private static String first(String value) {
    return value == null ? null : value.split(" ")[0];
  }

  /** The script's document for these facts: no device computed beyond what the facts allow. */
  ScriptOutput output() {
    return new ScriptOutput(new dev.envdoctor.protocol.WorkerOutput("envdoctor/worker/v1", null, null, null, null,
        null, null), facts);
  }
}
