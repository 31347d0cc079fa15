package dev.envdoctor.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test that drives a real container engine, under the one rule of {@link Services}: an
 * engine installed but stopped is started (and stopped when the tests end); one not installed
 * skips the test on a developer's machine, and fails it under {@code ENVDOCTOR_REQUIRE_ENGINES=1}
 * (set by .ci/run): in CI these tests must run, not skip.
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
      // the method's own annotation, else its class's (a Podman class must not ask for Docker)
      String engine = context.getTestMethod().map(m -> m.getAnnotation(RequiresDocker.class))
          .or(() -> context.getTestClass().map(c -> c.getAnnotation(RequiresDocker.class)))
          .map(RequiresDocker::value)
          .orElse("docker");
      var why = Services.require("podman".equals(engine) ? Services.Service.PODMAN : Services.Service.DOCKER, context);
      if (why.isEmpty()) {
        return ConditionEvaluationResult.enabled(engine + " engine reachable");
      }
      return ConditionEvaluationResult.disabled(why.get());
    }
  }
}
