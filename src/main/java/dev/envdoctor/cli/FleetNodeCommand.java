package dev.envdoctor.cli;

import dev.envdoctor.run.ExitCode;
import dev.envdoctor.fleet.NodeFrames;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.report.Redactor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The task fleet run starts on each node (hidden): runs doctor here with the given arguments and
 * prints its report, redacted as doctor's report files are, framed for the trip back through the
 * scheduler's output (NodeFrames). The doctor's own report files go to a temporary folder that is
 * removed: nothing is left on the node.
 */
@Command(name = "node", hidden = true, description = "Run doctor on this node and print its report framed (fleet run's task).")
public final class FleetNodeCommand extends BaseCommand {

  @Option(names = "--name", paramLabel = "NODE", description = "This node's name (default: $SLURMD_NODENAME, else the host name).")
  String name;

  @Option(names = "--no-redact", description = "Send the report unredacted.")
  boolean noRedact;

  @Parameters(paramLabel = "DOCTOR-ARGS", description = "doctor's arguments.")
  List<String> doctorArgs = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    String node = name != null ? name : root().env().getOrDefault("SLURMD_NODENAME", localName());
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    err.println(NodeFrames.progress(node, "doctor started"));
    err.flush();
    long t0 = System.nanoTime();
    Path tmp = Files.createTempDirectory("envdoctor-fleet-");
    int code;
    StringWriter json = new StringWriter();
    try {
      List<String> args = new ArrayList<>(List.of("doctor"));
      args.addAll(withoutOwnOptions(doctorArgs));
      args.addAll(List.of("--json", "--out", tmp.toString()));
      CommandLine doctor = CliFactory.create(root().runner(), root().clock(), root().env(), false, new PrintWriter(json), err);
      code = doctor.execute(args.toArray(String[]::new));
    } finally {
      removeTree(tmp);
    }
    String text;
    try {
      Report report = ReportJson.read(json.toString());
      text = ReportJson.write(Redactor.forSharing(report, root().env(), noRedact));
    } catch (IOException | RuntimeException e) {
      err.println(NodeFrames.progress(node, "doctor gave no report (exit " + code + ")"));
      err.flush();
      return code == 0 ? ExitCode.TOOL_FAILED : code;
    }
    NodeFrames.write(node, text, code).forEach(out::println);
    out.flush();
    err.println(NodeFrames.progress(node, String.format(java.util.Locale.ROOT, "doctor finished: exit %d in %.1f s",
        code, (System.nanoTime() - t0) / 1e9)));
    err.flush();
    return code;
  }

  /** --json and --out are the node's to set: the report goes to stdout, the files to a temporary folder. */
  static List<String> withoutOwnOptions(List<String> args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--json") || a.startsWith("--out=")) {
        continue;
      }
      if (a.equals("--out")) {
        i++;
        continue;
      }
      out.add(a);
    }
    return out;
  }

  /** This host's short name: a node's name when the scheduler gives none. */
  static String localName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName().replaceFirst("\\..*", "");
    } catch (IOException e) {
      return "localhost";
    }
  }

  private static void removeTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp folder we could not list: the OS's tmp cleaner takes it
    }
  }
}
