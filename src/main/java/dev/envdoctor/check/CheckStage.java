package dev.envdoctor.check;

import dev.envdoctor.check.eval.Evaluator;
import dev.envdoctor.check.load.ProfileException;
import dev.envdoctor.check.load.ProfileLoader;
import dev.envdoctor.check.load.ProfileLocator;
import dev.envdoctor.check.model.Profile;
import dev.envdoctor.run.RunFailure;
import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.flow.Stage;
import dev.envdoctor.model.CheckResult;
import dev.envdoctor.model.Report;
import java.nio.file.Path;
import java.util.List;

/**
 * The check phase: evaluates the chosen profile (--profile, else "default") on the report. The
 * profile is loaded and validated in {@link #prepare}, so a bad profile exits 2 before any probe
 * or container runs.
 */
public final class CheckStage implements Stage {

  public static final String DEFAULT_PROFILE = "default";

  private final Path workDir;
  private Profile profile;

  public CheckStage(Path workDir) {
    this.workDir = workDir;
  }

  /** The stage as the CLI runs it: profiles found from the current working directory. */
  public static CheckStage here() {
    return new CheckStage(Path.of("").toAbsolutePath());
  }

  @Override
  public String name() {
    return "check";
  }

  @Override
  public Phase phase() {
    return Phase.CHECK;
  }

  @Override
  public void prepare(RunContext ctx) {
    profile = load(workDir, profileName(ctx));
  }

  /** Loads a profile, turning the loader's error into the one-line exit 2 of the CLI. */
  public static Profile load(Path workDir, String ref) {
    try {
      return new ProfileLoader(new ProfileLocator(workDir)).load(ref);
    } catch (ProfileException e) {
      throw RunFailure.badInput(e.getMessage());
    }
  }

  static String profileName(RunContext ctx) {
    String p = ctx.options() == null ? null : ctx.options().profile();
    return p == null || p.isBlank() ? DEFAULT_PROFILE : p;
  }

  @Override
  public Report run(Report soFar, RunContext ctx) {
    Profile p = profile != null ? profile : load(workDir, profileName(ctx));
    List<CheckResult> results = Evaluator.evaluate(p, soFar);
    return soFar.withChecks(results, Evaluator.summarize(results));
  }
}
