package dev.envdoctor.cli;

import picocli.CommandLine.Command;

/**
 * The child process that loads native code (DJL/libtorch). Hidden: the doctor runs it, natively and
 * inside containers, and reads the one JSON document it prints.
 */
@Command(name = "worker", hidden = true, mixinStandardHelpOptions = true,
    description = "Internal: the child process that computes on devices; prints one JSON document.")
public final class WorkerCommand implements java.util.concurrent.Callable<Integer> {

  @Override
  public Integer call() {
    throw ExitException.toolFailed("worker: not implemented yet (issue #3)");
  }
}
