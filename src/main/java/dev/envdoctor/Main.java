package dev.envdoctor;

import dev.envdoctor.cli.CliFactory;

/** Entry point: {@code java -jar envdoctor.jar ARGS}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Logging.routeToFile();
    int code = CliFactory.create().execute(args);
    System.out.flush();
    System.exit(code);
  }
}
