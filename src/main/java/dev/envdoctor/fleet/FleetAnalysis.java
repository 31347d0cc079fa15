package dev.envdoctor.fleet;

import dev.envdoctor.model.Tool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The fleet report from the nodes' reports: each node's row, version drift against the majority or
 * a baseline, and slow outliers per hardware class. A pure function of its inputs.
 *
 * <p>A node is a slow outlier in a class when its shortfall below the reference median (the
 * fleet's, or the baseline's for that class) exceeds all three of: {@value #ROBUST_Z} robust
 * standard deviations (1.4826 × MAD, the Iglewicz–Hoaglin cut-off), {@value #NOISE_CVS} times its own
 * calibration's step-time CV (its own noise), and {@value #MIN_SHORTFALL} (10%: machines drift that
 * much between runs). Without a baseline a class needs {@value #MIN_NODES} nodes: of two, neither can be
 * told to be the slow one. Drift makes a node warn; a slow outlier makes it fail.
 */
public final class FleetAnalysis {

  public static final double ROBUST_Z = 3.5;
  public static final double NOISE_CVS = 3.0;
  public static final double MIN_SHORTFALL = 0.10;
  public static final int MIN_NODES = 3;

  private FleetAnalysis() {}

  public static FleetReport analyse(List<NodeInput> inputs, Baseline baseline, String baselineName,
      String scheduler, Tool tool, String createdAt) {
    List<Draft> drafts = new ArrayList<>();
    for (NodeInput in : inputs) {
      drafts.add(Draft.of(in));
    }
    List<Drift> drift = drift(drafts, baseline);
    List<FigureClass> classes = classes(drafts, baseline);
    List<FleetNode> nodes = new ArrayList<>();
    for (Draft d : drafts) {
      nodes.add(d.finish(drift, classes));
    }
    return new FleetReport(FleetReport.SCHEMA, tool, createdAt, scheduler, baselineName, nodes, drift, classes,
        FleetSummary.of(nodes));
  }

  /** Each version key's drift: against the baseline's value where it has one, else the majority. */
  static List<Drift> drift(List<Draft> drafts, Baseline baseline) {
    TreeSet<String> keys = new TreeSet<>();
    drafts.forEach(d -> keys.addAll(d.versions.keySet()));
    List<Drift> out = new ArrayList<>();
    for (String key : keys) {
      Map<String, String> byNode = new LinkedHashMap<>();
      drafts.stream().filter(d -> d.versions.containsKey(key)).forEach(d -> byNode.put(d.name, d.versions.get(key)));
      String pinned = baseline == null ? null : baseline.versions().get(key);
      if (pinned != null) {
        byNode.forEach((node, value) -> {
          if (!value.equals(pinned)) {
            out.add(new Drift(key, node, value, pinned, "baseline"));
          }
        });
        continue;
      }
      Map<String, Integer> counts = new LinkedHashMap<>();
      byNode.values().forEach(v -> counts.merge(v, 1, Integer::sum));
      if (counts.size() < 2) {
        continue;
      }
      int top = counts.values().stream().max(Integer::compare).orElse(0);
      List<String> modes = counts.entrySet().stream().filter(e -> e.getValue() == top).map(Map.Entry::getKey).toList();
      String majority = modes.size() == 1 ? modes.get(0) : null;
      byNode.forEach((node, value) -> {
        if (!value.equals(majority)) {
          out.add(new Drift(key, node, value, majority, "majority"));
        }
      });
    }
    return out;
  }

  /** The hardware classes, each with its median, MAD, threshold and outliers. */
  static List<FigureClass> classes(List<Draft> drafts, Baseline baseline) {
    Map<String, List<Object[]>> byClass = new LinkedHashMap<>();
    for (Draft d : drafts) {
      for (Figure f : d.figures) {
        byClass.computeIfAbsent(f.classKey(), k -> new ArrayList<>()).add(new Object[] {d.name, f});
      }
    }
    List<FigureClass> out = new ArrayList<>();
    byClass.forEach((key, members) -> {
      Figure first = (Figure) members.get(0)[1];
      List<Double> values = members.stream().map(m -> ((Figure) m[1]).samplesPerSecond()).toList();
      FigureClass pinned = baseline == null ? null : baseline.classes().stream()
          .filter(c -> c.classKey().equals(key)).findFirst().orElse(null);
      double median = pinned != null ? pinned.median() : Robust.median(values);
      double mad = pinned != null && pinned.mad() != null ? pinned.mad() : Robust.mad(values);
      boolean judged = pinned != null || values.size() >= MIN_NODES;
      double classCut = Math.max(ROBUST_Z * Robust.MAD_TO_SIGMA * mad / median, MIN_SHORTFALL);
      List<FigureClass.Point> points = new ArrayList<>();
      List<String> outliers = new ArrayList<>();
      for (Object[] m : members) {
        Figure f = (Figure) m[1];
        double shortfall = (median - f.samplesPerSecond()) / median;
        double cut = Math.max(classCut, NOISE_CVS * (f.cv() == null ? 0 : f.cv()));
        boolean outlier = judged && shortfall > cut;
        if (outlier) {
          outliers.add((String) m[0]);
        }
        points.add(new FigureClass.Point((String) m[0], f.samplesPerSecond(), f.cv(), shortfall, outlier));
      }
      out.add(FigureClassBuilder.builder().deviceModel(first.deviceModel()).workload(first.workload())
          .runtime(first.runtime()).backend(first.backend()).nodes(members.size()).median(median).mad(mad)
          .threshold(judged ? median * (1 - classCut) : null).reference(pinned != null ? "baseline" : "fleet")
          .points(points).outliers(outliers).build());
    });
    return out;
  }

  /** What the fleet found about {@code node}: its drifts, then its slow figures. */
  public static List<Finding> findings(String node, List<Drift> drift, List<FigureClass> classes) {
    List<Finding> out = new ArrayList<>();
    drift.stream().filter(d -> d.node().equals(node)).forEach(d -> out.add(new Finding.Drifted(d)));
    for (FigureClass c : classes) {
      c.points().stream().filter(p -> p.outlier() && p.node().equals(node)).forEach(p -> out.add(new Finding.Slow(c, p)));
    }
    return out;
  }

  /** A node on its way to its row: the facts of its report, before the fleet's findings. */
  record Draft(String name, NodeStatus status, List<String> reasons, List<String> failedChecks, String verdict,
      Map<String, String> versions, List<Figure> figures, NodeInput input) {

    static Draft of(NodeInput in) {
      if (in.report() == null) {
        NodeStatus s = in.missingStatus() == null ? NodeStatus.UNREACHABLE : in.missingStatus();
        List<String> why = in.reasons().isEmpty() ? List.of("no report came back") : in.reasons();
        return new Draft(in.name(), s, why, List.of(), null, Map.of(), List.of(), in);
      }
      var r = in.report();
      List<String> reasons = new ArrayList<>(in.reasons());
      NodeFacts.failedChecks(r).forEach(c -> reasons.add("failed: " + c));
      NodeFacts.warnedChecks(r).forEach(c -> reasons.add("warning: " + c));
      return new Draft(in.name(), NodeFacts.status(r), reasons, NodeFacts.failedChecks(r), NodeFacts.verdict(r),
          NodeFacts.versions(r), NodeFacts.figures(r), in);
    }

    FleetNode finish(List<Drift> drift, List<FigureClass> classes) {
      NodeStatus s = status;
      List<String> why = new ArrayList<>(reasons);
      for (Finding f : findings(name, drift, classes)) {
        s = s.worst(f.status());
        why.add(Finding.words(f));
      }
      return new FleetNode(name, s, why, failedChecks, verdict, versions, figures, input.report());
    }
  }
}
