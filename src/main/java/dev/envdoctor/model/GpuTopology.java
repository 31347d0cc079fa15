package dev.envdoctor.model;

import java.util.List;

/**
 * {@code topology}: how the GPUs of this machine are wired, from {@code nvidia-smi topo -m}. gpus[]
 * are the matrix's GPU rows with their CPU and NUMA affinity; links[] every GPU row's path to each
 * other column (GPUs and NICs): {@code NV#} (a bonded set of # NVLinks), {@code PIX} (at most one
 * PCIe bridge), {@code PXB} (several PCIe bridges), {@code PHB} (a PCIe host bridge, the CPU),
 * {@code NODE} (between host bridges of one NUMA node), {@code SYS} (across the NUMA nodes' SMP
 * interconnect). nvidia-smi numbers GPUs in PCI bus order, as CUDA does when the GPUs are alike.
 */
public record GpuTopology(String source, List<Gpu> gpus, List<Link> links, String diagnosis) {

  public GpuTopology {
    gpus = gpus == null ? List.of() : List.copyOf(gpus);
    links = links == null ? List.of() : List.copyOf(links);
  }

  /** One GPU row. cpuAffinity: a CPU list ("0-47,96-143"); numaAffinity: a node id, null where N/A. */
  public record Gpu(String name, String cpuAffinity, String numaAffinity) {}

  /** One cell of the matrix; nvlinks: the # of NV#, null for a PCIe path. */
  public record Link(String from, String to, String path, Integer nvlinks) {}
}
