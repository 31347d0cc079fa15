package dev.envdoctor.exec;

/** The one way envdoctor runs another program. Tests substitute recorded outputs through this. */
@FunctionalInterface
public interface CommandRunner {

  CommandResult run(CommandSpec spec);
}
