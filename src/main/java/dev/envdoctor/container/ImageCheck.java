package dev.envdoctor.container;

import dev.envdoctor.flow.RunContext;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import java.time.Duration;
import java.util.Map;

/** Whether an engine has an image, and of which architecture: one {@code image inspect}. */
final class ImageCheck {

  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private ImageCheck() {}

  /** The image's normalised architecture, or null when the engine does not have it. */
  static String architecture(RunContext ctx, ContainerEngine engine, String image, Map<String, String> env) {
    CommandResult r = ctx.runner().run(CommandSpec.of(TIMEOUT, engine.imageArchitecture(image)).withEnv(env));
    return r.ok() ? engine.parseImageArchitecture(r.stdout()) : null;
  }

  static boolean present(RunContext ctx, ContainerEngine engine, String image, Map<String, String> env) {
    return architecture(ctx, engine, image, env) != null;
  }
}
