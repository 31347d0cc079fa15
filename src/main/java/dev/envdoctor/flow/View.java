package dev.envdoctor.flow;

import dev.envdoctor.flow.RunContext;
import dev.envdoctor.model.Report;

/** The console section of one phase, drawn from the report alone. */
@FunctionalInterface
public interface View {

  void print(Report report, RunContext ctx);
}
