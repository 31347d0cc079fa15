package dev.envdoctor.testing;

import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test that drives a real container engine. Without one it is skipped on a developer's
 * machine, but under {@code ENVDOCTOR_REQUIRE_ENGINES=1} (set by .ci/run) a missing engine fails
 * the run instead: in CI these tests must run, not skip.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDocker.Condition.class)
public @interface RequiresDocker {

  /** docker or podman. */
  String value() default "docker";

  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      String engine = context.getElement()
          .map(e -> e.getAnnotation(RequiresDocker.class))
          .map(RequiresDocker::value)
          .orElse("docker");
      var r = new ProcessRunner().run(CommandSpec.of(Duration.ofSeconds(20), engine, "info"));
      if (r.ok()) {
        return ConditionEvaluationResult.enabled(engine + " engine reachable");
      }
      String why = engine + " engine not reachable: " + r.describe();
      if ("1".equals(System.getenv("ENVDOCTOR_REQUIRE_ENGINES"))) {
        throw new IllegalStateException(why + " (ENVDOCTOR_REQUIRE_ENGINES=1: this test must run)");
      }
      return ConditionEvaluationResult.disabled(why);
    }
  }
}
