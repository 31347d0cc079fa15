package dev.envdoctor.probe;

import dev.envdoctor.model.CpuInfo;

/** What OSHI does not say about the CPU: performance/efficiency cores, ISA features, a better model name. */
public interface CpuDetails {

  CpuInfo refine(CpuInfo fromOshi);
}
