package dev.envdoctor.recommend;

import dev.envdoctor.calibrate.stats.Decision;
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
import java.util.Set;
import dev.envdoctor.calibrate.stats.PairedRatio;

/**
 * Train natively or in a container here: a pure function of the report. For each side the
 * fastest verified option; the fastest side wins unless a container is at parity with native
 * (interval spans 1, or within {@link #PARITY}), where the container wins on reproducibility.
 */
public final class Verdict {

  /** Differences below 5% are not worth giving up a container's reproducibility for. */
  public static final double PARITY = 0.05;

  /** An interval whose ends differ by more than this factor cannot tell sides apart. */
  static final double NOISY = 2.0;

  /** Step times varying more than this (coefficient of variation) say the machine was busy. */
  static final double MAX_CV = 0.25;

  private Verdict() {}

  public static Recommendation decide(Report report, Workload workload) {
    Sides sides = Sides.of(report);
    if (sides.isEmpty()) {
      return Missing.recommendation(report, workload);
    }
    List<Side> ranked = sides.ranked();
    Side nativeSide = sides.side(Sides.NATIVE);
    Side box = sides.bestContainer();
    Set<String> reasons = new LinkedHashSet<>();
    List<String> assumptions = new ArrayList<>();
    String deployment = deployment(report);

    if (nativeSide == null || box == null) {
      Side only = nativeSide != null ? nativeSide : box;
      reasons.add(Missing.unmeasured(report, only));
      reasons.addAll(Causes.nativeOnly(report));
      reasons.addAll(Causes.fasterBackends(ranked, PARITY));
      String missing = nativeSide == null
          ? "native was not measured (run `envdoctor calibrate --runtime native`)" : Missing.otherSides(report, only);
      String verdict = "Train " + where(only) + " " + option(only.figure()) + ": the only side measured; " + missing + ".";
      String busy = Measured.either(Measured.contention(List.of(only.figure())),
          Measured.projectionContention(report.calibrations()));
      assumptions.addAll(Projections.assumptions(workload, only.figure(), ranked, report.calibrations()));
      if (busy != null) {
        assumptions.add(busyAssumption(busy));
      }
      return new Recommendation(choice(only.figure()), null, null, verdict, String.join("; ", reasons), deployment,
          evidence(sides, only.figure()), workload, projections(ranked, workload, report, busy), assumptions,
          Recommendation.ONE_SIDE);
    }

    Comparison nativeOverBox = Comparison.of(nativeSide, box);
    RatioEstimate r = nativeOverBox.aOverB();
    // interleaved bursts: the paired interval against the parity band decides; without them (an
    // older report, a side that ran alone) the earlier reading of one run per side stands
    Decision decision = Paired.of(nativeOverBox.a(), nativeOverBox.b()).map(Decision::of).orElse(null);
    boolean parity = decision != null ? decision.kind() == Decision.Kind.PARITY
        && !Paired.contended(nativeOverBox.a(), nativeOverBox.b())
        : r.spansOne() || Math.abs(r.ratio() - 1) < PARITY;
    // at parity the container wins: same speed, and it is reproducible
    // pairs made in contended rounds decide nothing: the load, not the side, made them differ
    boolean contendedPairs = decision != null && Paired.contended(nativeOverBox.a(), nativeOverBox.b());
    boolean unsure = decision != null ? !decision.decisive() || contendedPairs
        : noisy(r) || maxCv(nativeOverBox) > MAX_CV || Causes.implausible(report, nativeOverBox, parity);
    List<Calibration> compared = List.of(nativeOverBox.a(), nativeOverBox.b());
    int leftOut = decision == null ? 0 : Paired.leftOut(nativeOverBox.a(), nativeOverBox.b());
    String pairs = decision == null ? "" : " over " + decision.estimate().pairs() + " interleaved pairs"
        + (leftOut > 0 ? " (" + leftOut + " contended left out)" : "");
    // the pairs' load marks the speed-up; the projection's own turn marks only the projection
    String busy = Measured.contention(compared);
    String projectionBusy = Measured.projectionContention(report.calibrations());
    String allowed = Measured.allowance(nativeOverBox.a(), nativeOverBox.b(), box.runtime());
    Comparison chosen = parity || unsure || r.ratio() < 1 ? nativeOverBox.swapped() : nativeOverBox;
    reasons.addAll(Causes.of(report, nativeOverBox, parity, unsure));
    reasons.addAll(Causes.nativeOnly(report));
    reasons.addAll(Causes.fasterBackends(ranked, PARITY));
    if (allowed != null) {
      reasons.add(allowed);
    }
    if (busy != null) {
      reasons.add(busy);
    }
    String eitherBusy = Measured.either(busy, projectionBusy);
    if (eitherBusy != null) {
      assumptions.add(busyAssumption(eitherBusy));
    }
    if (chosen.sameBackend()) {
      assumptions.add("native and " + box.runtime() + " compared on " + chosen.a().backend() + ", on "
          + Comparison.deviceKind(chosen.a().device()) + (Comparison.deviceKind(chosen.a().device())
          .equals(Comparison.deviceKind(chosen.b().device())) ? "" : " vs " + chosen.b().device()));
    } else {
      assumptions.add("the " + chosen.a().runtime() + " figure is from " + chosen.a().backend() + ", the "
          + chosen.b().runtime() + " figure from " + chosen.b().backend() + ": different stacks, same workload");
    }
    Stacks stacks = Stacks.of(nativeSide, box, nativeOverBox);
    if (stacks.note() != null) {
      reasons.add(stacks.note());
    }
    String others = Missing.otherSides(report, null);
    if (!others.isEmpty()) {
      assumptions.add("not compared: " + others);
    }
    assumptions.addAll(Projections.assumptions(workload, chosen.a(), ranked, report.calibrations()));

    Side train = chosen.sideA();
    Side against = chosen.sideB();
    RatioEstimate speed = chosen.aOverB();
    String noisyBecause = decision != null && unsure ? Measured.noisyBecause(decision.estimate(), compared) : null;
    String verdict = unsure ? (decision != null ? undecidedVerdict(train, chosen, against, noisyBecause, contendedPairs)
        : noisyVerdict(train, chosen, against))
        : parity && decision != null ? pairedParityVerdict(train, chosen.a(), against, speed,
            chosen == nativeOverBox ? decision.equivalence() : decision.equivalence().inverse(), pairs)
        : parity ? parityVerdict(train, chosen.a(), against, speed)
        : "Train " + where(train) + " " + option(chosen.a()) + ": " + Format.times(speed.ratio()) + " faster than "
            + where(against) + " " + option(chosen.b()) + Format.ci95(speed)
            + pairs + ".";
    Recommendation.Measurement measurement = decision == null
        ? new Recommendation.Measurement("step-times", null, null, null, null, null, null, busy, busy != null,
            stacks.compared(), stacks.user(), stacks.userCompared())
        : new Recommendation.Measurement("paired-bursts", decision.estimate().pairs(), leftOut, decision.bandLow(),
            decision.bandHigh(), contendedPairs ? "contended" : decision.kind().label(), noisyBecause, busy, busy != null,
            stacks.compared(), stacks.user(), stacks.userCompared());
    if (speed.hasInterval() && !Ranges.meaningful(speed)) {
      measurement = measurement.withIntervalTooWide();
    }
    return new Recommendation(choice(chosen.a()), speed.ratio(), interval(speed), verdict,
        String.join("; ", reasons), deployment, evidence(sides, chosen.a()), workload,
        projections(ranked, workload, report, eitherBusy), assumptions,
        unsure ? Recommendation.NOISY : parity ? Recommendation.PARITY : Recommendation.CLEAR, measurement);
  }

  static String busyAssumption(String busy) {
    return BUSY + busy + BUSY_END;
  }

  /** The busy assumption's words around the contention, for {@link RecommendView#contention}. */
  static final String BUSY = "the machine was busy during the calibration (";
  static final String BUSY_END = "): the projection is not a figure to plan by";

  /** The projection rows, each marked when other processes used the CPUs during the run (busy). */
  private static List<Recommendation.Projection> projections(List<Side> ranked, Workload w, Report report, String busy) {
    List<Recommendation.Projection> rows = Projections.of(ranked, w, report.calibrations());
    return busy == null ? rows : rows.stream().map(Recommendation.Projection::markedContended).toList();
  }

  /** The paired interval straddles a band edge at the end of the budget: say what made it noisy. */
  private static String undecidedVerdict(Side train, Comparison chosen, Side against, String because,
      boolean contendedPairs) {
    RatioEstimate speed = chosen.aOverB();
    return "Train " + where(train) + " " + option(chosen.a()) + ": too noisy to tell it from "
        + (against.isNative() ? "native" : against.runtime()) + " (" + Format.times(speed.ratio()) + " its speed"
        + Format.ci95(speed)
        + (contendedPairs ? ", timed while other processes used the CPUs: " : ", neither inside nor clear of the "
            + band() + " parity band: ") + because
        + "); rerun on an idle machine or with --full. Until then prefer the container: it is reproducible.";
  }

  static String band() {
    return Format.times(Decision.BAND_LOW) + "–" + Format.times(Decision.BAND_HIGH);
  }

  /** The timings cannot tell the sides apart: say so, how to rerun, and prefer the container meanwhile. */
  private static String noisyVerdict(Side train, Comparison chosen, Side against) {
    RatioEstimate speed = chosen.aOverB();
    String ci = Format.ci95(speed);
    return "Train " + where(train) + " " + option(chosen.a()) + ": the timings are too noisy to tell it from "
        + (against.isNative() ? "native" : against.runtime()) + " (" + Format.times(speed.ratio()) + " its speed" + ci
        + "; step times vary by up to " + Math.round(maxCv(chosen) * 100) + "%); rerun on an idle machine or with --full."
        + " Until then prefer the container: it is reproducible.";
  }

  private static double maxCv(Comparison c) {
    return Math.max(c.a().cv() == null ? 0 : c.a().cv(), c.b().cv() == null ? 0 : c.b().cv());
  }

  /** The paired interval lies inside the band: parity, measured; the container wins on reproducibility. */
  private static String pairedParityVerdict(Side train, Calibration figure, Side against, RatioEstimate speed,
      PairedRatio equivalence, String pairs) {
    String prefer = train.isNative() ? "" : "; prefer the container: it is reproducible";
    return "Train " + where(train) + " " + option(figure) + ": at parity with "
        + (against.isNative() ? "native" : against.runtime()) + " (" + Format.times(speed.ratio()) + " its speed, 90% CI "
        + Format.interval(equivalence.estimate()) + pairs
        + ", inside the " + band() + " parity band)" + prefer + ".";
  }

  private static String parityVerdict(Side train, Calibration figure, Side against, RatioEstimate speed) {
    String how = speed.spansOne() ? "no measurable difference from " : "at parity with ";
    String prefer = train.isNative() ? "" : "; prefer the container: it is reproducible";
    String other = against.isNative() ? "native" : against.runtime();
    return "Train " + where(train) + " " + option(figure) + ": " + how + other + " ("
        + Format.times(speed.ratio()) + " its speed" + Format.ci95(speed) + ")" + prefer + ".";
  }

  /** An interval wider than a factor of two says more about the machine's load than about the sides. */
  static boolean noisy(RatioEstimate r) {
    return r.hasInterval() && r.spansOne() && r.high() / r.low() > NOISY;
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

  /** The JSON's interval: left out where it means nothing (the measurement says so: {@link Ranges#meaningful}). */
  private static List<Double> interval(RatioEstimate r) {
    return Ranges.meaningful(r) ? List.of(r.low(), r.high()) : List.of();
  }
}
