package dev.envdoctor.probe;

import dev.envdoctor.model.GpuInfo;
import java.util.List;
import java.util.function.Supplier;

/**
 * GPU facts past OSHI's name/vendor/VRAM: Apple GPU cores, NVIDIA driver, CUDA, compute capability.
 * OSHI's list is handed over lazily: on macOS OSHI would run system_profiler a second time.
 */
public interface GpuDetails {

  List<GpuInfo> read(Supplier<List<GpuInfo>> fromOshi);
}
