package dev.envdoctor.model;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/**
 * {@code host.gpus[].health}: what a fleet needs to know of an NVIDIA GPU's health, from
 * {@code nvidia-smi -q -x} and the kernel log. Null fields are unknown (not reported by this
 * driver or GPU); xidErrors is null when the kernel log could not be read and empty when it has none.
 *
 * @param pciBusId the GPU's PCI address as the kernel log names it ("0000:3b:00")
 * @param performanceState P0 (full clocks) ... P8/P12 (idle)
 * @param idle whether the driver reports the gpu_idle clocks reason: a lowered link generation is normal then
 * @param pcieWidthDegraded the link runs narrower than its maximum (x16 card at x8): a seating or riser fault
 * @param pcieGenDegraded the slot caps the link below the card's generation, or the link runs below
 *     its maximum while the GPU is busy (performance state P0-P2); an idle board's lower generation is not
 * @param eccVolatileUncorrected uncorrectable ECC errors since the driver loaded (SRAM + DRAM)
 * @param eccAggregateUncorrected uncorrectable ECC errors over the GPU's life
 * @param retiredPagesPending a retired page waits for a reboot (older GPUs: page retirement)
 * @param remappedRowsPending a remapped row waits for a GPU reset (A100 and later: row remapping)
 * @param remapFailure the row remapper ran out of spare rows: the GPU needs replacing
 * @param kernelLogRead true when the kernel log was read (xidErrors is then known); null when it could not be
 * @param throttleReasons the clock-throttle (event) reasons active now, e.g. hw_thermal_slowdown; gpu_idle left out
 */
@RecordBuilder
public record GpuHealth(
    String pciBusId,
    String performanceState,
    Boolean idle,
    Integer pcieGenCurrent,
    Integer pcieGenMax,
    Integer pcieWidthCurrent,
    Integer pcieWidthMax,
    Boolean pcieWidthDegraded,
    Boolean pcieGenDegraded,
    Long eccVolatileCorrected,
    Long eccVolatileUncorrected,
    Long eccAggregateCorrected,
    Long eccAggregateUncorrected,
    Integer retiredPagesSingleBit,
    Integer retiredPagesDoubleBit,
    Boolean retiredPagesPending,
    Integer remappedRowsCorrectable,
    Integer remappedRowsUncorrectable,
    Boolean remappedRowsPending,
    Boolean remapFailure,
    List<String> throttleReasons,
    List<Xid> xidErrors,
    Boolean kernelLogRead) {

  public GpuHealth {
    throttleReasons = throttleReasons == null ? List.of() : List.copyOf(throttleReasons);
    xidErrors = xidErrors == null ? null : List.copyOf(xidErrors);
  }

  /** The same facts with the kernel log's XID errors for this GPU (null: the log was not readable). */
  public GpuHealth withXids(List<Xid> xids) {
    return GpuHealthBuilder.builder(this)
        .xidErrors(xids)
        .kernelLogRead(xids == null ? null : Boolean.TRUE)
        .build();
  }

  /** One XID code the kernel log holds for this GPU: how often, and its last message. */
  public record Xid(int code, int count, String lastMessage) {}
}
