package dev.envdoctor.recommend;

import dev.envdoctor.calibrate.stats.Decision;
import dev.envdoctor.calibrate.stats.PairedRatio;
import dev.envdoctor.calibrate.stats.RatioEstimate;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.Confidence;
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Recommendation.Choice;
import dev.envdoctor.model.Recommendation.Evidence;
import dev.envdoctor.model.Recommendation.Workload;
import dev.envdoctor.model.RecommendationBuilder;
import dev.envdoctor.model.RecommendationMeasurementBuilder;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.recommend.VerdictDecision.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A {@link VerdictDecision} in words: the recommendation's verdict, reasons, assumptions and
 * measurement, with the evidence and projection rows it rests on. Pure.
 */
final class VerdictView {

  /** The busy assumption's words around the contention, for {@link RecommendView#contention}. */
  static final String BUSY = "the machine was busy during the calibration (";
  static final String BUSY_END = "): the projection is not a figure to plan by";

  private VerdictView() {}

  static Recommendation recommendation(Report report, Workload workload, VerdictDecision d) {
    return switch (d.kind()) {
      case NONE -> Missing.recommendation(report, workload);
      case ONE_SIDE -> oneSide(report, workload, d);
      default -> compared(report, workload, d);
    };
  }

  private static Recommendation oneSide(Report report, Workload workload, VerdictDecision d) {
    Sides sides = Sides.of(report);
    List<Side> ranked = sides.ranked();
    Side only = d.train();
    String missing = only.isNative() ? Missing.otherSides(report, only)
        : "native was not measured (run `envdoctor calibrate --runtime native`)";
    String verdict = "Train " + where(only) + " " + option(only.figure()) + ": the only side measured; " + missing + ".";
    String busy = Measured.either(Measured.contention(List.of(only.figure())),
        Measured.projectionContention(report.calibrations()));
    List<String> assumptions = new ArrayList<>(Projections.assumptions(workload, only.figure(), ranked, report.calibrations(), report.jobs(), report.history()));
    if (busy != null) {
      assumptions.add(busyAssumption(busy));
    }
    return RecommendationBuilder.builder().train(choice(only.figure())).verdict(verdict).reason(reasons(d))
        .deployment(deployment(report)).evidence(evidence(sides, only.figure())).workload(workload)
        .projection(projections(ranked, workload, report, busy)).assumptions(assumptions)
        .confidence(Confidence.ONE_SIDE).build();
  }

  private static Recommendation compared(Report report, Workload workload, VerdictDecision d) {
    Sides sides = Sides.of(report);
    List<Side> ranked = sides.ranked();
    Comparison chosen = d.compared();
    Decision paired = d.paired();
    List<Calibration> compared = d.nativeFirst();
    String box = d.nativeTrains() ? chosen.sideB().runtime() : chosen.sideA().runtime();
    // the pairs' load marks the speed-up; the projection's own turn marks only the projection
    String busy = Measured.contention(compared);
    String eitherBusy = Measured.either(busy, Measured.projectionContention(report.calibrations()));
    List<String> assumptions = new ArrayList<>();
    if (eitherBusy != null) {
      assumptions.add(busyAssumption(eitherBusy));
    }
    assumptions.add(stacks(chosen, box));
    String others = Missing.otherSides(report, null);
    if (!others.isEmpty()) {
      assumptions.add("not compared: " + others);
    }
    assumptions.addAll(Projections.assumptions(workload, chosen.a(), ranked, report.calibrations(), report.jobs(), report.history()));
    String noisyBecause = paired != null && d.kind().unsure() ? Measured.noisyBecause(paired.estimate(), compared) : null;
    RatioEstimate speed = chosen.aOverB();
    Stacks stacks = d.stacks();
    Recommendation.Measurement measurement = paired == null
        ? stacks(RecommendationMeasurementBuilder.builder().method("step-times"), stacks, busy).build()
        : stacks(RecommendationMeasurementBuilder.builder().method("paired-bursts"), stacks, busy)
            .pairs(paired.estimate().pairs()).pairsLeftOut(d.pairsLeftOut()).bandLow(paired.bandLow())
            .bandHigh(paired.bandHigh()).decision(d.kind() == Kind.CONTENDED ? "contended" : paired.kind().label())
            .noisyBecause(noisyBecause).build();
    if (speed.hasInterval() && !Ranges.meaningful(speed)) {
      measurement = measurement.withIntervalTooWide();
    }
    return RecommendationBuilder.builder().train(choice(chosen.a())).speedup(speed.ratio())
        .speedupCi95(interval(speed)).verdict(verdict(d, noisyBecause)).reason(reasons(d))
        .deployment(deployment(report)).evidence(evidence(sides, chosen.a())).workload(workload)
        .projection(projections(ranked, workload, report, eitherBusy)).assumptions(assumptions)
        .confidence(d.kind().confidence()).measurement(measurement).build();
  }

  /** The verdict's one sentence for a comparison. */
  private static String verdict(VerdictDecision d, String noisyBecause) {
    Comparison chosen = d.compared();
    Side train = chosen.sideA();
    Side against = chosen.sideB();
    RatioEstimate speed = chosen.aOverB();
    Decision paired = d.paired();
    String pairs = paired == null ? "" : " over " + paired.estimate().pairs() + " interleaved pairs"
        + (d.pairsLeftOut() > 0 ? " (" + d.pairsLeftOut() + " contended left out)" : "");
    return switch (d.kind()) {
      case UNDECIDED, CONTENDED -> undecidedVerdict(train, chosen, against, noisyBecause, d.kind() == Kind.CONTENDED);
      case NOISY -> noisyVerdict(train, chosen, against);
      case PARITY, NO_MEASURABLE_DIFFERENCE -> paired != null ? pairedParityVerdict(train, chosen.a(), against, speed,
          d.nativeTrains() ? paired.equivalence() : paired.equivalence().inverse(), pairs)
          : parityVerdict(train, chosen.a(), against, speed);
      case CLEAR -> "Train " + where(train) + " " + option(chosen.a()) + ": " + Format.times(speed.ratio())
          + " faster than " + where(against) + " " + option(chosen.b()) + Format.ci95(speed) + pairs + ".";
      case NONE, ONE_SIDE -> throw new IllegalArgumentException("no comparison to word: " + d.kind());
    };
  }

  /** Which stack each figure is from. */
  private static String stacks(Comparison chosen, String box) {
    if (chosen.sameBackend()) {
      return "native and " + box + " compared on " + chosen.a().backend() + ", on "
          + Comparison.deviceKind(chosen.a().device()) + (Comparison.deviceKind(chosen.a().device())
          .equals(Comparison.deviceKind(chosen.b().device())) ? "" : " vs " + chosen.b().device());
    }
    return "the " + chosen.a().runtime() + " figure is from " + chosen.a().backend() + ", the "
        + chosen.b().runtime() + " figure from " + chosen.b().backend() + ": different stacks, same workload";
  }

  /** The causes' sentences, each once, in order. */
  private static String reasons(VerdictDecision d) {
    return String.join("; ", new LinkedHashSet<>(CauseWords.of(d.causes())));
  }

  static String busyAssumption(String busy) {
    return BUSY + busy + BUSY_END;
  }

  /** The projection rows, each marked when other processes used the CPUs during the run (busy). */
  private static List<Recommendation.Projection> projections(List<Side> ranked, Workload w, Report report, String busy) {
    List<Recommendation.Projection> rows = Projections.of(ranked, w, report.calibrations(), report.jobs(), report.history());
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
        + "; step times vary by up to " + Math.round(Verdict.maxCv(chosen) * 100)
        + "%); rerun on an idle machine or with --full. Until then prefer the container: it is reproducible.";
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

  /** What contended with the sides, and which stacks they ran: the same on every measurement. */
  private static RecommendationMeasurementBuilder stacks(RecommendationMeasurementBuilder b, Stacks stacks, String busy) {
    return b.contention(busy).contended(busy != null).comparedBackend(stacks.compared()).userBackend(stacks.user())
        .userBackendCompared(stacks.userCompared());
  }
}
