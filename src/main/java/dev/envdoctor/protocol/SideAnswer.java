package dev.envdoctor.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Engine;
import dev.envdoctor.model.Peak;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A side's answer to one command: one JSON line on its stdout (docs/side-protocol.md). Which
 * fields are set depends on {@code answer}, the command's verb ({@code hello} for the greeting).
 *
 * @param protocol {@link #PROTOCOL}
 * @param answer the verb answered: hello, verify, calibrate, project, validate, loop, burst, peak, threads,
 *     pipeline, ping, end, or error
 * @param engine hello: the engine that loaded (or the one that failed, with its diagnosis)
 * @param devices hello: the devices the side offers, by name (cpu, cuda:0, mps)
 * @param python hello, Python side: the facts of the Python that runs it
 * @param device verify: the device's result
 * @param calibration calibrate, project: the timed steps
 * @param skipped project: steps whose update was skipped for a non-finite gradient
 * @param steps project: steps run, warm-up included
 * @param burst burst: the burst and the side's counters
 * @param peaks peak: the peak tests on the device
 * @param threads threads: the threads in effect and what decides them
 * @param pipeline pipeline: how long one process takes to make a training image
 * @param validation validate: how long the validation forward of one batch takes
 * @param loop loop: the training loop with its DataLoader, and the step alone
 * @param command error: the command line that failed
 * @param diagnosis hello: why the engine did not load; error: why the command failed
 * @param fix hello: what to do about it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SideAnswer(
    String protocol,
    String answer,
    Engine engine,
    List<String> devices,
    JsonNode python,
    DeviceResult device,
    Calibration calibration,
    Integer skipped,
    Integer steps,
    BurstLine burst,
    List<Peak> peaks,
    ThreadFacts threads,
    PipelineTiming pipeline,
    ValidationTiming validation,
    LoopTiming loop,
    String command,
    String diagnosis,
    String fix) {

  /** The protocol every side speaks; a side that greets with another is refused (rebuild its image). */
  public static final String PROTOCOL = WorkerOutput.PROTOCOL;
  public static final String HELLO = "hello";
  public static final String ERROR = "error";

  public static SideAnswer of(String answer) {
    return new SideAnswer(PROTOCOL, answer, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public static SideAnswer hello(Engine engine, List<String> devices, String diagnosis, String fix) {
    return new SideAnswer(PROTOCOL, HELLO, engine, devices, null, null, null, null, null, null, null, null, null, null, null, null, diagnosis, fix);
  }

  public static SideAnswer verified(DeviceResult d) {
    return new SideAnswer(PROTOCOL, SideCommand.VERIFY, null, null, null, d, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public static SideAnswer calibrated(String verb, Calibration c, Integer skipped, Integer steps) {
    return new SideAnswer(PROTOCOL, verb, null, null, null, null, c, skipped, steps, null, null, null, null, null, null, null, null, null);
  }

  public static SideAnswer burst(BurstLine line) {
    return new SideAnswer(PROTOCOL, SideCommand.BURST, null, null, null, null, null, null, null, line, null, null, null, null, null, null, null, null);
  }

  public static SideAnswer threads(ThreadFacts t) {
    return new SideAnswer(PROTOCOL, SideCommand.THREADS, null, null, null, null, null, null, null, null, null, t, null, null, null, null, null, null);
  }

  public static SideAnswer validation(ValidationTiming v) {
    return new SideAnswer(PROTOCOL, SideCommand.VALIDATE, null, null, null, null, null, null, null, null, null, null, null, v, null, null,
        null, null);
  }

  public static SideAnswer loop(LoopTiming l) {
    return new SideAnswer(PROTOCOL, SideCommand.LOOP, null, null, null, null, null, null, null, null, null, null, null, null, l, null,
        null, null);
  }

  public static SideAnswer error(String command, String diagnosis) {
    return new SideAnswer(PROTOCOL, ERROR, null, null, null, null, null, null, null, null, null, null, null, null, null, command, diagnosis, null);
  }

  /** One line of JSON. */
  public String line() {
    return SideJson.json(this);
  }

  /** The answer a stdout line holds: a JSON object with a protocol and an answer; empty for any other line. */
  public static Optional<SideAnswer> parse(String line) {
    String s = line == null ? "" : line.strip();
    if (!s.startsWith("{")) {
      return Optional.empty();
    }
    try {
      SideAnswer a = SideJson.mapper().readValue(s, SideAnswer.class);
      return a.protocol() == null || a.answer() == null ? Optional.empty() : Optional.of(a);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
