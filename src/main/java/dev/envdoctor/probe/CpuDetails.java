package dev.envdoctor.probe;

import dev.envdoctor.model.CpuInfo;
import java.util.function.Supplier;

/**
 * The CPU: OSHI's basics refined with what OSHI does not say (performance/efficiency cores, ISA
 * features, a better model name). OSHI's answer is handed over lazily: on Linux it would run lshw
 * and dmidecode without a timeout, so Linux reads /proc and /sys instead.
 */
public interface CpuDetails {

  CpuInfo read(Supplier<CpuInfo> fromOshi);
}
