package dev.envdoctor.cli;

import dev.envdoctor.flow.RunContext;
import dev.envdoctor.model.RaceOutcome;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.doctor.Stages;
import dev.envdoctor.race.RaceJob;
import dev.envdoctor.race.RaceOptions;
import dev.envdoctor.race.RaceView;
import dev.envdoctor.race.Scale;
import dev.envdoctor.report.ReportFiles;
import dev.envdoctor.run.Console;
import dev.envdoctor.run.ExitCode;
import dev.envdoctor.run.RunFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Races the user's own training command natively and in their image. */
@Command(name = "race", mixinStandardHelpOptions = true,
    description = {"Time your own command natively and inside your image, interleaved, with an interval:",
        "envdoctor race --image IMG -- python3 train.py --epochs 1"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the race ran (whatever its verdict)", "1:the command failed or timed out on a side",
        "2:bad usage, a missing image, an image without python3", "4:the engine is not usable here",
        "130:interrupted (Ctrl-C)"})
public final class RaceCommand extends BaseCommand {

  @Option(names = "--runtime", defaultValue = "docker", paramLabel = "docker|podman|nerdctl",
      description = "The container runtime (default: ${DEFAULT-VALUE}).")
  String runtime;

  @Option(names = "--image", paramLabel = "IMAGE", required = true, description = "Your image (never pulled: it must be there).")
  String image;

  @Option(names = "--repeat", defaultValue = "3", paramLabel = "N", description = "Timed runs per side, after a warm-up pair (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(names = "--workdir", paramLabel = "DIR", description = "Where the command runs; mounted at the same path in the container (default: here).")
  Path workdir;

  @Option(names = "--env", paramLabel = "K=V", description = "A variable for both sides (repeatable).")
  List<String> env = new ArrayList<>();

  @Option(names = "--network", paramLabel = "NET", description = "The container's network (default: the engine's default, so data can be read over it).")
  String network;

  @Option(names = "--timeout", defaultValue = "30m", paramLabel = "DURATION", description = "One run's limit, e.g. 90s, 30m, 2h (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(names = "--until", paramLabel = "REGEX", description = "Time each run to its first output line matching REGEX (e.g. the end of epoch 1), then end it.")
  String until;

  @Option(names = "--scale", paramLabel = "FACTOR", description = "Project the full job: the measured run times FACTOR.")
  Double scale;

  @Option(names = "--epochs", paramLabel = "N", description = "Epochs of the full job (with --images and --measured-images).")
  Integer epochs;

  @Option(names = "--images", paramLabel = "N", description = "Images per epoch of the full job.")
  Long images;

  @Option(names = "--measured-epochs", paramLabel = "N", description = "Epochs the measured run trains (default: 1).")
  Integer measuredEpochs;

  @Option(names = "--measured-images", paramLabel = "N", description = "Images per epoch the measured run trains.")
  Long measuredImages;

  @Option(names = "--out", defaultValue = "reports", paramLabel = "DIR", description = "Where the report and the command's output go (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--no-redact", description = "Keep user names, host names, addresses and secrets in the written report.")
  boolean noRedact;

  @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "After --: your command and its arguments.")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() {
    RaceOptions o = new RaceOptions(runtime, image, repeat,
        (workdir == null ? Path.of("") : workdir).toAbsolutePath().normalize(), vars(env), network, duration(timeout),
        pattern(until), Scale.of(scale, epochs, images, measuredEpochs, measuredImages), command);
    RunContext ctx = context(Set.of());
    Report report = RaceJob.run(ctx, o, out, noRedact, c -> Stages.standard().run(Stages.newReport(c), c));
    if (ctx.json()) {
      ctx.out().println(ReportJson.write(report));
    } else {
      RaceView.print(report.race(), ctx.console());
      ReportFiles f = ReportFiles.named(out, RaceJob.PREFIX, report.createdAt());
      ctx.console().mark(Console.Mark.INFO, "Reports: " + f.json() + ", " + f.md() + ", " + f.html());
    }
    ctx.out().flush();
    return report.race().decision() == RaceOutcome.FAILED ? ExitCode.CHECK_FAILED : ExitCode.OK;
  }

  static Map<String, String> vars(List<String> kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String s : kv) {
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw RunFailure.badInput("race: --env takes K=V (got '" + s + "')");
      }
      m.put(s.substring(0, eq), s.substring(eq + 1));
    }
    return m;
  }

  static Duration duration(String s) {
    var m = Pattern.compile("(\\d+)(s|m|h)?").matcher(s.strip());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw RunFailure.badInput("race: --timeout takes a duration such as 90s, 30m or 2h (got '" + s + "')");
    }
    long n = Long.parseLong(m.group(1));
    return m.group(2) == null || m.group(2).equals("s") ? Duration.ofSeconds(n)
        : m.group(2).equals("m") ? Duration.ofMinutes(n) : Duration.ofHours(n);
  }

  static Pattern pattern(String regex) {
    try {
      return regex == null ? null : Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw RunFailure.badInput("race: --until is not a valid regular expression: " + e.getDescription());
    }
  }
}
