package dev.envdoctor.doctor;

import dev.envdoctor.model.Report;

/** The console section of one phase, drawn from the report alone. */
@FunctionalInterface
public interface View {

  void print(Report report, RunContext ctx);
}
