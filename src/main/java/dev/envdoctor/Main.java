package dev.envdoctor;

import dev.envdoctor.cli.CliFactory;
import dev.envdoctor.run.Interrupts;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point: {@code java -jar envdoctor.jar ARGS}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Logging.routeToFile();
    if (args.length == 0 || !"worker".equals(args[0])) {
      // a worker is a child: Ctrl-C reaches it too, and its parent is the one to tell the user
      Interrupts.install(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    }
    int code = CliFactory.create().execute(args);
    Interrupts.finished();
    System.out.flush();
    System.exit(code);
  }
}
