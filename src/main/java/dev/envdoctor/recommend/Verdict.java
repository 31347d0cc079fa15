package dev.envdoctor.recommend;

import dev.envdoctor.calibrate.stats.RatioEstimate;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Recommendation.Choice;
import dev.envdoctor.model.Recommendation.Evidence;
import dev.envdoctor.model.Recommendation.Workload;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Train natively or in a container here: a pure function of the report. For each side the
 * fastest verified option; the fastest side wins unless a container is at parity with native
 * (interval spans 1, or within {@link #PARITY}), where the container wins on reproducibility.
 */
public final class Verdict {

  /** Differences below 5% are not worth giving up a container's reproducibility for. */
  public static final double PARITY = 0.05;

  private Verdict() {}

  public static Recommendation decide(Report report, Workload workload) {
    Sides sides = Sides.of(report);
    if (sides.isEmpty()) {
      return Missing.recommendation(report, workload);
    }
    List<Side> ranked = sides.ranked();
    Side best = ranked.get(0);
    Set<String> reasons = new LinkedHashSet<>();
    List<String> assumptions = new ArrayList<>();
    String deployment = deployment(report);
    Side nativeSide = sides.side(Sides.NATIVE);

    if (ranked.size() == 1) {
      reasons.add(Missing.unmeasured(report, best));
      reasons.addAll(Causes.nativeOnly(report));
      String missing = Missing.otherSides(report, best);
      String verdict = "Train " + where(best) + " " + option(best.figure()) + ": the only side measured; " + missing + ".";
      assumptions.addAll(Projector.assumptions(workload, best.figure()));
      return new Recommendation(choice(best.figure()), null, null, verdict, String.join("; ", reasons), deployment,
          evidence(sides, best.figure()), workload, Projector.projections(ranked, workload), assumptions);
    }

    Side alt = ranked.get(1);
    RatioEstimate bestOverAlt = Sides.speedup(best.figure(), alt.figure());
    boolean parity = bestOverAlt.spansOne() || bestOverAlt.ratio() < 1 + PARITY;
    Side train = best;
    Side against = alt;
    RatioEstimate speed = bestOverAlt;
    if (parity && best.isNative()) {
      train = alt;
      against = best;
      speed = bestOverAlt.inverse();
    }

    for (Side box : ranked) {
      if (!box.isNative() && nativeSide != null && (box == train || box == against)) {
        RatioEstimate nativeOverBox = Sides.speedup(nativeSide.figure(), box.figure());
        boolean boxParity = nativeOverBox.spansOne() || Math.abs(nativeOverBox.ratio() - 1) < PARITY;
        reasons.addAll(Causes.of(report, nativeSide, box, nativeOverBox, boxParity));
      }
    }
    reasons.addAll(Causes.nativeOnly(report));
    reasons.addAll(Causes.fasterBackends(ranked, PARITY));
    if (reasons.isEmpty()) {
      reasons.add(where(train) + " " + option(train.figure()) + " is " + Format.ratio(speed) + " the speed of "
          + where(against) + " " + option(against.figure()));
    }
    if (!Objects.equals(train.figure().backend(), against.figure().backend())) {
      assumptions.add("the " + train.runtime() + " figure is from " + train.figure().backend() + ", the "
          + against.runtime() + " figure from " + against.figure().backend() + ": different stacks, same workload");
    }
    String others = Missing.otherSides(report, null);
    if (!others.isEmpty()) {
      assumptions.add("not compared: " + others);
    }
    assumptions.addAll(Projector.assumptions(workload, train.figure()));

    String verdict = parity ? parityVerdict(train, against, speed) : "Train " + where(train) + " "
        + option(train.figure()) + ": " + Format.times(speed.ratio()) + " faster than " + where(against) + " "
        + option(against.figure()) + interval95(speed) + ".";
    return new Recommendation(choice(train.figure()), speed.ratio(), interval(speed), verdict,
        String.join("; ", reasons), deployment, evidence(sides, train.figure()), workload,
        Projector.projections(ranked, workload), assumptions);
  }

  private static String parityVerdict(Side train, Side against, RatioEstimate speed) {
    String how = speed.spansOne() ? "no measurable difference from " : "at parity with ";
    String prefer = train.isNative() ? "" : "; prefer the container: it is reproducible";
    String other = against.isNative() ? "native" : against.runtime();
    return "Train " + where(train) + " " + option(train.figure()) + ": " + how + other + " ("
        + Format.times(speed.ratio()) + " its speed" + interval95(speed) + ")" + prefer + ".";
  }

  private static String interval95(RatioEstimate r) {
    return r.hasInterval() ? ", 95% CI " + Format.interval(r) : "";
  }

  /** Every calibration that fed the verdict, with how many times slower it is than the choice. */
  static List<Evidence> evidence(Sides sides, Calibration chosen) {
    List<Evidence> rows = new ArrayList<>();
    for (Side s : sides.sides()) {
      for (Calibration c : s.options()) {
        double ratio = Sides.speedup(chosen, c).ratio();
        rows.add(new Evidence(c.runtime(), c.backend(), c.device(), c.workload(), c.medianMs(),
            c.samplesPerSecond(), ratio));
      }
    }
    return rows;
  }

  private static String deployment(Report report) {
    List<String> ready = Facts.containerRuntimes(report).stream().filter(Facts::ok).map(RuntimeInfo::name).toList();
    if (ready.isEmpty()) {
      return "Deploy: ship a container image for servers and CI; install Docker Engine or Podman here to build and test it.";
    }
    String arch = Facts.hostArm(report) ? " Build it for linux/amd64 as well if your servers are x86-64 (this machine is arm64)." : "";
    return "Deploy: ship a container image (" + String.join(", ", ready)
        + ") for servers and CI, whichever side you train on: it is the reproducible unit." + arch;
  }

  static String where(Side s) {
    return s.isNative() ? "natively" : "in " + s.runtime();
  }

  static String option(Calibration c) {
    return "(" + c.backend() + ", " + c.device() + ")";
  }

  private static Choice choice(Calibration c) {
    return new Choice(c.runtime(), c.backend(), c.device());
  }

  private static List<Double> interval(RatioEstimate r) {
    return r.hasInterval() ? List.of(r.low(), r.high()) : List.of();
  }
}
