package dev.envdoctor.fleet;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/**
 * One hardware class across the fleet: the median and the median absolute deviation (MAD) of the
 * nodes' figures, the threshold below the median that flags a node, and which nodes were flagged.
 * reference: "fleet" (this fleet's median) or "baseline".
 */
@RecordBuilder
public record FigureClass(
    String deviceModel,
    String workload,
    String runtime,
    String backend,
    int nodes,
    Double median,
    Double mad,
    Double threshold,
    String reference,
    List<Point> points,
    List<String> outliers) {

  public FigureClass {
    points = points == null ? List.of() : List.copyOf(points);
    outliers = outliers == null ? List.of() : List.copyOf(outliers);
  }

  /** One node's figure in this class; shortfall is (median - figure) / median. */
  public record Point(String node, Double samplesPerSecond, Double cv, Double shortfall, boolean outlier) {}

  public String classKey() {
    return deviceModel + " · " + workload + " · " + runtime + "/" + backend;
  }
}
