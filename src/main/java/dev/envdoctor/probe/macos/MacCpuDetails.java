package dev.envdoctor.probe.macos;

import dev.envdoctor.model.CpuInfo;
import dev.envdoctor.probe.CpuDetails;
import java.util.function.Supplier;

/** Apple Silicon's performance levels: hw.perflevel0 is the fastest, hw.perflevel1 the efficiency cores. */
final class MacCpuDetails implements CpuDetails {

  private final Supplier<Sysctl> sysctl;

  MacCpuDetails(Supplier<Sysctl> sysctl) {
    this.sysctl = sysctl;
  }

  @Override
  public CpuInfo read(Supplier<CpuInfo> fromOshi) {
    CpuInfo c = fromOshi.get();
    Sysctl s = sysctl.get();
    String brand = s.get("machdep.cpu.brand_string");
    Integer p = s.integer("hw.perflevel0.physicalcpu");
    Integer e = s.integer("hw.perflevel1.physicalcpu");
    if (isEfficiency(s.get("hw.perflevel0.name")) && !isEfficiency(s.get("hw.perflevel1.name"))) {
      Integer t = p;
      p = e;
      e = t;
    }
    boolean split = p != null && e != null;
    String model = brand != null && !brand.isBlank() ? brand : c.model();
    return new CpuInfo(model, c.vendor(), c.physicalCores(), c.logicalCores(), split ? p : null, split ? e : null,
        c.maxFrequencyHz(), MacCpuFeatures.of(s));
  }

  private static boolean isEfficiency(String levelName) {
    return levelName != null && levelName.toLowerCase(java.util.Locale.ROOT).contains("efficiency");
  }
}
