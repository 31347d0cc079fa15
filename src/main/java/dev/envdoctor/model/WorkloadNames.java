package dev.envdoctor.model;

import java.util.List;

/** The calibration workloads a side knows ({@code calibrations[].workload}), and the one a verdict prefers. */
public final class WorkloadNames {

  /** Every workload a full calibration runs, in order. */
  public static final List<String> ALL = List.of("mlp", "cnn");
  /** The workload a quick run calibrates and a verdict compares sides on. */
  public static final String PREFERRED = "cnn";

  private WorkloadNames() {}
}
