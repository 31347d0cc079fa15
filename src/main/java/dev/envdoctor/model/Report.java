package dev.envdoctor.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The report model, schema {@code envdoctor/report/v1}: one immutable document that every stage
 * extends and every renderer draws from. Three sections: the machine's {@link Facts}, envdoctor's
 * {@link Measurements} of it, and the run's {@link Outcome}; each changes through its own
 * {@code with...}. The JSON stays flat as v1 has it (the sections are the model's, not the file's).
 * Paths are stable; add fields freely, rename only with a new schema version.
 */
@JsonPropertyOrder({"schema", "tool", "createdAt", "host", "jvm", "python", "engines", "runtimes", "devices",
    "calibrations", "peaks", "jobs", "history", "recommendation", "checks", "summary", "stages", "redaction", "race", "interconnect",
    "topology"})
public record Report(
    String schema,
    Tool tool,
    String createdAt,
    @JsonIgnore Facts facts,
    @JsonIgnore Measurements measurements,
    @JsonIgnore Outcome outcome) {

  public static final String SCHEMA = "envdoctor/report/v1";

  public Report {
    facts = facts == null ? Facts.NONE : facts;
    measurements = measurements == null ? Measurements.NONE : measurements;
    outcome = outcome == null ? Outcome.NONE : outcome;
  }

  public static Report empty(Tool tool, String createdAt) {
    return new Report(SCHEMA, tool, createdAt, Facts.NONE, Measurements.NONE, Outcome.NONE);
  }

  /** Reads v1's flat fields into the sections. */
  @JsonCreator
  static Report fromJson(
      @JsonProperty("schema") String schema, @JsonProperty("tool") Tool tool,
      @JsonProperty("createdAt") String createdAt, @JsonProperty("host") Host host, @JsonProperty("jvm") Jvm jvm,
      @JsonProperty("python") PythonEnv python, @JsonProperty("engines") List<Engine> engines,
      @JsonProperty("runtimes") List<RuntimeInfo> runtimes, @JsonProperty("devices") List<DeviceResult> devices,
      @JsonProperty("calibrations") List<Calibration> calibrations, @JsonProperty("peaks") List<Peak> peaks,
      @JsonProperty("jobs") List<JobTiming> jobs, @JsonProperty("history") List<EarlierPoint> history,
      @JsonProperty("recommendation") Recommendation recommendation,
      @JsonProperty("checks") List<CheckResult> checks, @JsonProperty("summary") Summary summary,
      @JsonProperty("stages") List<StageRun> stages, @JsonProperty("redaction") Redaction redaction,
      @JsonProperty("race") Race race, @JsonProperty("interconnect") List<Interconnect> interconnect,
      @JsonProperty("topology") GpuTopology topology) {
    return new Report(schema, tool, createdAt,
        new Facts(host, jvm, python, engines, runtimes, topology),
        new Measurements(devices, calibrations, peaks, interconnect, race, jobs, history),
        new Outcome(recommendation, checks, summary, stages, redaction));
  }

  public Report withFacts(Facts f) {
    return new Report(schema, tool, createdAt, f, measurements, outcome);
  }

  public Report withMeasurements(Measurements m) {
    return new Report(schema, tool, createdAt, facts, m, outcome);
  }

  public Report withOutcome(Outcome o) {
    return new Report(schema, tool, createdAt, facts, measurements, o);
  }

  // The facts.

  @JsonProperty public Host host() { return facts.host(); }
  @JsonProperty public Jvm jvm() { return facts.jvm(); }
  @JsonProperty public PythonEnv python() { return facts.python(); }
  @JsonProperty public List<Engine> engines() { return facts.engines(); }
  @JsonProperty public List<RuntimeInfo> runtimes() { return facts.runtimes(); }
  @JsonProperty public GpuTopology topology() { return facts.topology(); }

  public Report withHost(Host h) {
    return withFacts(facts.withHost(h));
  }

  public Report withJvm(Jvm j) {
    return withFacts(facts.withJvm(j));
  }

  public Report withPython(PythonEnv p) {
    return withFacts(facts.withPython(p));
  }

  public Report withEngines(List<Engine> e) {
    return withFacts(facts.withEngines(e));
  }

  public Report plusEngines(List<Engine> e) {
    return withEngines(Lists.plus(engines(), e));
  }

  public Report withRuntimes(List<RuntimeInfo> r) {
    return withFacts(facts.withRuntimes(r));
  }

  // The measurements.

  @JsonProperty public List<DeviceResult> devices() { return measurements.devices(); }
  @JsonProperty public List<Calibration> calibrations() { return measurements.calibrations(); }
  @JsonProperty public List<Peak> peaks() { return measurements.peaks(); }
  /** {@code jobs}: the whole job's parts beyond the step, per side (issue #29); absent where none was measured. */
  @JsonProperty @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public List<JobTiming> jobs() { return measurements.jobs(); }
  /**
   * {@code history}: the projection points earlier runs on this machine timed in this run's settings,
   * pooled into the projection ({@link EarlierPoint}); absent where there were none or --no-history.
   */
  @JsonProperty @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public List<EarlierPoint> history() { return measurements.history(); }
  @JsonProperty public List<Interconnect> interconnect() { return measurements.interconnect(); }
  /** {@code race}: the user's own command timed natively and in their image ({@code envdoctor race}). */
  @JsonProperty public Race race() { return measurements.race(); }

  public Report withDevices(List<DeviceResult> d) {
    return withMeasurements(measurements.withDevices(d));
  }

  public Report plusDevices(List<DeviceResult> d) {
    return withDevices(Lists.plus(devices(), d));
  }

  public Report withCalibrations(List<Calibration> c) {
    return withMeasurements(measurements.withCalibrations(c));
  }

  public Report plusCalibrations(List<Calibration> c) {
    return withCalibrations(Lists.plus(calibrations(), c));
  }

  public Report withPeaks(List<Peak> p) {
    return withMeasurements(measurements.withPeaks(p));
  }

  public Report plusPeaks(List<Peak> p) {
    return withPeaks(Lists.plus(peaks(), p));
  }

  public Report plusJobs(List<JobTiming> j) {
    return withMeasurements(measurements.withJobs(Lists.plus(jobs(), j)));
  }

  public Report withHistory(List<EarlierPoint> h) {
    return withMeasurements(measurements.withHistory(h));
  }

  public Report withRace(Race r) {
    return withMeasurements(measurements.withRace(r));
  }

  public Report withInterconnect(List<Interconnect> i, GpuTopology t) {
    return withMeasurements(measurements.withInterconnect(i)).withFacts(facts.withTopology(t));
  }

  // The outcome.

  @JsonProperty public Recommendation recommendation() { return outcome.recommendation(); }
  @JsonProperty public List<CheckResult> checks() { return outcome.checks(); }
  @JsonProperty public Summary summary() { return outcome.summary(); }
  @JsonProperty public List<StageRun> stages() { return outcome.stages(); }
  @JsonProperty public Redaction redaction() { return outcome.redaction(); }

  public Report withRecommendation(Recommendation r) {
    return withOutcome(outcome.withRecommendation(r));
  }

  public Report withChecks(List<CheckResult> c, Summary s) {
    return withOutcome(outcome.withChecks(c, s));
  }

  public Report plusStage(StageRun s) {
    return withOutcome(outcome.plusStage(s));
  }

  public Report withRedaction(Redaction r) {
    return withOutcome(outcome.withRedaction(r));
  }

  /** The facts without the run's outcome (checks, summary, stages[]): a saved report re-checked by another run. */
  public Report withoutOutcome() {
    return withOutcome(outcome.withoutRun());
  }
}
