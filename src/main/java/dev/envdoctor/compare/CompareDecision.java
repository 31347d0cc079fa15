package dev.envdoctor.compare;

import dev.envdoctor.model.Contention;
import dev.envdoctor.model.CpuAllowance;
import java.util.List;

/**
 * What compare decided about OTHER's training speed against BASE's, before any words
 * ({@link CompareVerdict#line}): the row that differs most beyond the parity band and the likeliest
 * cause among the facts.
 *
 * @param kind      the decision
 * @param headline  the row that differs most beyond the band; null unless OTHER is slower or faster
 * @param workloads how many rows both machines timed
 * @param contended the rows timed while other processes used the CPUs (for "no measurable difference")
 * @param cause     the likeliest cause of the headline's difference; null without a headline
 * @param missing   where BASE trained and OTHER did not ("docker/python/cuda:0 · cnn")
 */
public record CompareDecision(Kind kind, StepTimeRatio headline, int workloads, List<StepTimeRatio> contended,
    Cause cause, List<String> missing) {

  public enum Kind {
    /** no workload was calibrated on both machines */
    NO_COMMON_WORKLOAD,
    /** no row differs beyond the band */
    NO_MEASURABLE_DIFFERENCE,
    OTHER_SLOWER,
    OTHER_FASTER
  }

  /** The likeliest cause of a difference, the first of these the facts show, in this order. */
  public sealed interface Cause {

    /** The row was timed while other processes used the CPUs ({@code contention}: the row's). */
    record Contended(String contention) implements Cause {}

    /** OTHER's container engine (or its VM, {@code vm}) has fewer or more CPUs. */
    record ContainerCpus(String runtime, boolean vm, int other, int base) implements Cause {}

    /** OTHER's container engine (or its VM) has less or more memory. */
    record ContainerMemory(String runtime, boolean vm, long other, long base) implements Cause {}

    /** OTHER's CPU side may use fewer or more CPUs (a quota, an affinity). */
    record Allowance(CpuAllowance base, CpuAllowance other, Contention otherDuring, boolean slower) implements Cause {}

    /** A GPU row: OTHER's first GPU is another. */
    record Gpu(String other, String base) implements Cause {}

    /** A CPU row: OTHER's CPU is another model or has other cores. */
    record Cpu(String otherModel, Integer otherCores, String baseModel, Integer baseCores) implements Cause {}

    /** A python row: OTHER runs another torch. */
    record Torch(String other, String base) implements Cause {}

    /** A djl row: OTHER's side runs another libtorch. */
    record Libtorch(String other, String base) implements Cause {}

    /** No difference in the facts explains it. */
    record Unexplained() implements Cause {}
  }
}
