package dev.envdoctor.race;

import dev.envdoctor.container.ContainerEngine;
import dev.envdoctor.container.ContainerRun;
import dev.envdoctor.container.Engines;
import dev.envdoctor.container.Product;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandRunner;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.model.Race;
import dev.envdoctor.model.RaceBuilder;
import dev.envdoctor.model.RaceOutcome;
import dev.envdoctor.model.RaceStatus;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.model.Runtimes;
import dev.envdoctor.run.RunFailure;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import dev.envdoctor.container.EngineProbe;

/**
 * Races the user's command: a warm-up pair (discarded: it fills the page cache and the image's
 * layers), then {@code repeat} pairs, each pair's order drawn at random so neither side always
 * runs on a machine warmed by the other. The first failure stops the race with that side's last
 * lines and no ratio. Each container is removed after its run, also on a timeout or Ctrl-C.
 */
public final class Racer {

  private final CommandRunner runner;
  private final Map<String, String> env;
  private final Consumer<String> progress;
  private final Random order;

  public Racer(CommandRunner runner, Map<String, String> env, Consumer<String> progress, long seed) {
    this.runner = runner;
    this.env = Map.copyOf(env);
    this.progress = progress;
    this.order = new Random(seed);
  }

  /** @param runtime the engine's entry from the probe (status ok, else the caller stops first) */
  public Race race(RaceOptions o, RuntimeInfo runtime, Writer log, String logName) {
    ContainerEngine engine = Engines.named(o.runtime()).orElseThrow();
    Map<String, String> engineEnv = EngineProbe.engineEnv(env);
    progress.accept("race: checking " + o.image() + " in " + engine.name() + " ...");
    ImagePreflight.Facts facts = ImagePreflight.check(runner, engine, o.image(), runtime.arch(), engineEnv, o.command());
    List<String> notes = new ArrayList<>(notes(runtime, facts));
    SideRunner sides = new SideRunner(runner, log);
    String user = user();
    List<Double> nat = new ArrayList<>();
    List<Double> ctr = new ArrayList<>();
    for (int round = 0; round <= o.repeat(); round++) {
      boolean nativeFirst = round == 0 || order.nextBoolean();
      for (int k = 0; k < 2; k++) {
        boolean isNative = (k == 0) == nativeFirst;
        String label = (isNative ? "native" : engine.name()) + (round == 0 ? " warm-up" : " run " + round + "/" + o.repeat());
        SideRunner.Outcome out = isNative ? sides.run(label, o.command(), o.env(), o.workdir(), o.timeout(), o.until())
            : inContainer(sides, label, engine, engineEnv, runtime, user, o);
        progress.accept(String.format(java.util.Locale.ROOT, "race: %s: %.1f s%s", label, out.seconds(), describe(out, o)));
        if (!out.ok() || o.until() != null && !out.matched()) {
          return failed(o, isNative ? "native" : engine.name(), out, nat, ctr, runtime, facts, notes, logName);
        }
        if (round > 0) {
          (isNative ? nat : ctr).add(out.seconds());
        }
      }
    }
    RaceDecision v = RaceVerdict.decide(nat, ctr);
    return RaceBuilder.builder().command(o.command()).until(o.until() == null ? null : o.until().pattern())
        .sides(List.of(side("native", null, facts, nat, 0, RaceStatus.OK, o.scale(), List.of()), side(engine.name(), o.image(), facts, ctr, 0, RaceStatus.OK, o.scale(), List.of())))
        .ratio(v.ratio()).low(v.low()).high(v.high()).pairs(v.pairs()).decision(v.kind().outcome())
        .verdict(RaceVerdict.words(v, engine.name())).scale(o.scale()).log(logName).notes(notes).build();
  }

  private SideRunner.Outcome inContainer(SideRunner sides, String label, ContainerEngine engine,
      Map<String, String> engineEnv, RuntimeInfo runtime, String user, RaceOptions o) {
    Map<String, String> cliEnv = new java.util.HashMap<>(engineEnv);
    return new ContainerRun(runner, engine, cliEnv).run(name -> sides.run(label,
        ContainerArgv.of(engine.name(), name, o.image(), o.workdir(), user, o.network(), runtime.gpuAccess(), o.env(),
            o.command()), cliEnv, null, o.timeout(), o.until()));
  }

  private static String describe(SideRunner.Outcome out, RaceOptions o) {
    if (out.matched()) {
      return " (to the line matching --until)";
    }
    return switch (out.status()) {
      case OK -> o.until() != null ? " (ended without a line matching --until)" : "";
      case TIMED_OUT -> " (past --timeout " + o.timeout().toSeconds() + " s: ended)";
      default -> " (exit " + out.exitCode() + ")";
    };
  }

  private Race failed(RaceOptions o, String who, SideRunner.Outcome out, List<Double> nat, List<Double> ctr,
      RuntimeInfo runtime, ImagePreflight.Facts facts, List<String> notes, String logName) {
    RaceStatus status = out.status() == CommandResult.Status.TIMED_OUT ? RaceStatus.TIMED_OUT : RaceStatus.FAILED;
    String why = out.status() == CommandResult.Status.TIMED_OUT ? "ran past --timeout " + o.timeout().toSeconds() + " s"
        : out.status() == CommandResult.Status.OK ? "ended without printing a line that matches --until " + o.until()
        : out.status() == CommandResult.Status.NOT_FOUND ? "could not start: " + o.command().get(0) + " not found"
        : "exited with code " + out.exitCode();
    String engine = runtime.name();
    boolean nativeFailed = Runtimes.isNative(who);
    Race.RaceSide n = side("native", null, facts, nat, nativeFailed ? out.exitCode() : 0, nativeFailed ? status : RaceStatus.OK,
        o.scale(), nativeFailed ? out.lastLines() : List.of());
    Race.RaceSide c = side(engine, o.image(), facts, ctr, nativeFailed ? null : out.exitCode(),
        nativeFailed ? RaceStatus.NOT_RUN : status, o.scale(), nativeFailed ? List.of() : out.lastLines());
    return RaceBuilder.builder().command(o.command()).until(o.until() == null ? null : o.until().pattern())
        .sides(List.of(n, c)).pairs(Math.min(nat.size(), ctr.size())).decision(RaceOutcome.FAILED)
        .verdict("the command " + why + " " + (nativeFailed ? "natively" : "in " + engine) + ": no ratio (its last lines are below; the whole output is in " + logName + ")")
        .scale(o.scale()).log(logName).notes(notes).build();
  }

  private static Race.RaceSide side(String runtime, String image, ImagePreflight.Facts facts, List<Double> seconds,
      Integer exit, RaceStatus status, Double scale, List<String> last) {
    boolean container = image != null;
    Double median = seconds.isEmpty() ? null : RaceVerdict.median(seconds);
    return new Race.RaceSide(runtime, image, container ? facts.arch() : null, container ? facts.emulation() != null : null,
        seconds, exit, status, median, median == null || scale == null ? null : median * scale / 3600, last);
  }

  /** What the container side gets and why: GPU flags or none, emulation. */
  static List<String> notes(RuntimeInfo runtime, ImagePreflight.Facts facts) {
    List<String> notes = new ArrayList<>();
    List<String> gpu = ContainerArgv.gpuFlags(runtime.gpuAccess());
    boolean macVm = java.util.Arrays.stream(Product.values())
        .anyMatch(p -> p.vmOnMac() && p.label().equals(runtime.product()));
    if (!gpu.isEmpty()) {
      notes.add("the container gets the GPU: " + String.join(" ", gpu));
    } else if (macVm) {
      notes.add("no GPU flags: " + runtime.product() + " runs Linux in a VM without Metal, so the container trains"
          + " on the CPU while a native venv can use the GPU through MPS");
    } else {
      notes.add("no GPU flags: " + runtime.name() + " offers no GPU access on this machine");
    }
    if (facts.emulation() != null) {
      notes.add(facts.emulation());
    }
    if (facts.torch() == null && facts.arch() != null) {
      notes.add("the image's python3 has no torch: a training command that imports it will fail there");
    }
    return notes;
  }

  /** The user's UID:GID, so that files the command writes in the mounted folder are theirs. */
  private String user() {
    CommandResult u = runner.run(CommandSpec.of(Duration.ofSeconds(5), "id", "-u"));
    CommandResult g = runner.run(CommandSpec.of(Duration.ofSeconds(5), "id", "-g"));
    return u.ok() && g.ok() ? u.stdout().strip() + ":" + g.stdout().strip() : null;
  }

  /** Bad input found before anything runs. */
  static void validate(RaceOptions o) {
    if (o.command().isEmpty()) {
      throw RunFailure.badInput("race: no command: give it after --, for example envdoctor race --image IMG -- python3 train.py");
    }
    if (o.image() == null || o.image().isBlank()) {
      throw RunFailure.badInput("race: --image IMAGE is required: the image to run the command in");
    }
    if (o.repeat() < 1) {
      throw RunFailure.badInput("race: --repeat must be 1 or more (3 or more gives an interval worth reading)");
    }
    if (!java.nio.file.Files.isDirectory(o.workdir())) {
      throw RunFailure.badInput("race: --workdir " + o.workdir() + " is not a folder");
    }
  }
}
