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
 * Marks a test that drives the two-node Slurm of scripts/slurm-cluster.sh, under the one rule of
 * {@link Services}: its daemons stopped (after a reboot, or .ci/run's clean-up) are started and
 * stopped again when the tests end; Slurm not installed skips the test here and fails it in CI.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresSlurm.Condition.class)
public @interface RequiresSlurm {

  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      var why = Services.require(Services.Service.SLURM, context);
      return why.isEmpty() ? ConditionEvaluationResult.enabled("Slurm test cluster runs") : ConditionEvaluationResult.disabled(why.get());
    }
  }
}
