package dev.envdoctor.report;

import dev.envdoctor.model.DiskInfo;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.Host;
import java.util.ArrayList;
import java.util.List;

/** The host section as label/value rows, shared by the Markdown table and the HTML list. */
final class HostFacts {

  private HostFacts() {}

  static List<Headline.Item> rows(Host h) {
    List<Headline.Item> out = new ArrayList<>();
    if (h == null) {
      return out;
    }
    var os = h.os();
    var cpu = h.cpu();
    out.add(new Headline.Item("OS", os == null ? Fmt.NONE : Fmt.join(" · ", os.name(), os.version(), os.kernel(), os.arch())));
    out.add(new Headline.Item("CPU", cpu == null ? Fmt.NONE : Fmt.join(" · ", cpu.model(),
        cpu.physicalCores() == null ? null : cpu.physicalCores() + " cores",
        cpu.logicalCores() == null ? null : cpu.logicalCores() + " threads",
        cpu.performanceCores() == null ? null : cpu.performanceCores() + "P+" + Fmt.text(cpu.efficiencyCores()) + "E",
        cpu.maxFrequencyHz() == null ? null : Fmt.hz(cpu.maxFrequencyHz()))));
    out.add(new Headline.Item("Memory", h.memory() == null ? Fmt.NONE
        : Fmt.bytes(h.memory().availableBytes()) + " available of " + Fmt.bytes(h.memory().totalBytes())));
    out.add(new Headline.Item("Disks", h.disks().isEmpty() ? Fmt.NONE : String.join("; ", h.disks().stream()
        .map((DiskInfo d) -> Fmt.text(d.mount()) + " " + Fmt.bytes(d.freeBytes()) + " free of " + Fmt.bytes(d.totalBytes())).toList())));
    out.add(new Headline.Item("GPUs", h.gpus().isEmpty() ? Fmt.NONE : String.join("; ", h.gpus().stream().map(HostFacts::gpu).toList())));
    out.add(new Headline.Item("Power", h.power() == null ? Fmt.NONE
        : "on battery: " + Fmt.yesNo(h.power().onBattery()) + ", low power mode: " + Fmt.yesNo(h.power().lowPowerMode())));
    out.add(new Headline.Item("Virtualization", h.virtualization() == null ? Fmt.NONE
        : "VM: " + Fmt.text(h.virtualization().vm())
        + (h.virtualization().product() == null ? "" : " (" + h.virtualization().product() + ")")
        + ", container: " + Fmt.text(h.virtualization().container())));
    return out;
  }

  private static String gpu(GpuInfo g) {
    return Fmt.join(" · ", g.name(), g.vendor(), g.memoryBytes() == null ? null : Fmt.bytes(g.memoryBytes()),
        g.driverVersion() == null ? null : "driver " + g.driverVersion(),
        g.cudaVersion() == null ? null : "CUDA " + g.cudaVersion(),
        g.computeCapability() == null ? null : "compute " + g.computeCapability(),
        g.cores() == null ? null : g.cores() + " cores");
  }
}
