package dev.envdoctor.fleet.render;

import dev.envdoctor.fleet.FleetNode;
import dev.envdoctor.interconnect.BusBwRanges;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Interconnect;
import dev.envdoctor.model.Peak;
import dev.envdoctor.model.Report;
import dev.envdoctor.python.PeakRanges;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The GPU figures of each node's report held against the same reference ranges the doctor report
 * and compare use (gpu-ranges.yaml for the peak tests, busbw-ranges.yaml for the all-reduce): per
 * test and dtype the node's worst GPU, and the all-reduce at the sweep's top size. Drawn only: the
 * fleet's verdicts stay FleetAnalysis's.
 */
final class FleetGpuFigures {

  /** One row: the node, the figure as shown, and its verdict ("normal for ...", "below ...", "no reference ..."). */
  record Row(String node, String figure, String verdict) {

    boolean below() {
      return verdict != null && verdict.startsWith("below");
    }
  }

  private static final String[][] TESTS = {{"matmul", "bf16"}, {"matmul", "tf32"}, {"matmul", "fp32"}, {"copy", "fp32"}};

  private FleetGpuFigures() {}

  static List<Row> rows(List<FleetNode> nodes) {
    PeakRanges peaks = PeakRanges.load();
    BusBwRanges busbw = BusBwRanges.load();
    List<Row> out = new ArrayList<>();
    for (FleetNode n : nodes) {
      Report r = n.report();
      if (r == null) {
        continue;
      }
      List<Peak> gpu = r.peaks().stream().filter(p -> p.achieved() != null && p.device() != null
          && p.device().startsWith("cuda")).toList();
      for (String[] t : TESTS) {
        List<Peak> of = gpu.stream().filter(p -> t[0].equals(p.test()) && t[1].equals(p.dtype())).toList();
        Optional<Peak> worst = of.stream().min(Comparator.comparing(Peak::achieved));
        worst.ifPresent(p -> out.add(new Row(n.name(), String.format(Locale.ROOT, "%s %s %.1f %s (%s%s)", t[1], t[0],
            p.achieved(), p.unit() == null ? "" : p.unit(), p.device(), of.size() > 1 ? ", worst of " + of.size() : ""),
            peaks.verdict(name(r, p.device()), t[0], t[1], p.achieved()))));
      }
      r.interconnect().stream().filter(e -> e.allReduce() && e.busGBps() != null && e.bytes() != null)
          .max(Comparator.comparing(Interconnect::bytes))
          .ifPresent(e -> {
            String v = busbw.verdict(name(r, "cuda:0"), e);
            if (v != null) {
              out.add(new Row(n.name(), String.format(Locale.ROOT, "all-reduce busbw %.2f GB/s at %s, %d ranks, %s",
                  e.busGBps(), size(e.bytes()), e.ranks(), e.linkType() == null ? "link unknown" : e.linkType()), v));
            }
          });
    }
    return out;
  }

  /** The GPU's name as the report's device list has it, else the node's first NVIDIA GPU. */
  static String name(Report r, String device) {
    return r.devices().stream().filter(d -> device.equals(d.device()) && d.name() != null).map(DeviceResult::name)
        .findFirst().orElseGet(() -> r.host() == null ? null : r.host().gpus().stream()
            .filter(g -> "NVIDIA".equals(g.vendor())).map(g -> g.name()).findFirst().orElse(null));
  }

  private static String size(long bytes) {
    return bytes >= 1L << 30 ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
  }
}
