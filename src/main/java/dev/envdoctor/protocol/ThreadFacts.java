package dev.envdoctor.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A side's answer to {@code threads N} (docs/side-protocol.md): the intra-op threads in effect
 * after it, and what decides a trainer's choice there.
 *
 * @param threads the threads the side's torch uses now
 * @param cpus the CPUs the side's process may use (its affinity: a container's cpuset, taskset)
 * @param defaultThreads torch's own count when the side started, before envdoctor set any; null where
 *     it cannot be told (DJL takes its count at engine start)
 * @param ompNumThreads OMP_NUM_THREADS in the side's environment, or null
 * @param mklNumThreads MKL_NUM_THREADS in the side's environment, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThreadFacts(Integer threads, Integer cpus, Integer defaultThreads, String ompNumThreads, String mklNumThreads) {}
