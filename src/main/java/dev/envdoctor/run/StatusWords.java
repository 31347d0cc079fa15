package dev.envdoctor.run;

import java.util.Map;

/**
 * The run's events in plain words: "  native: calibrate cpu cnn" reads "timing cnn training steps on
 * the CPU, natively (DJL)". Pure.
 */
final class StatusWords {

  /** One event: its words, whether it is a step of a side's plan, and the steps a "plan N" announces. */
  record Event(String words, boolean step, int plannedSteps) {}

  private static final Map<String, String> STAGES = Map.of(
      "probe", "probing the machine",
      "runtimes", "asking the container engines what they are",
      "native-djl", "verifying and timing each side",
      "python", "verifying and timing your Python's torch",
      "containers", "verifying and timing in the containers",
      "interconnect", "measuring the interconnect",
      "recommend", "deciding where to train",
      "check", "evaluating the checks",
      "report-files", "writing the report files");

  private StatusWords() {}

  static String stage(String name) {
    return STAGES.getOrDefault(name, name);
  }

  static Event of(String event) {
    String e = event.strip();
    int colon = e.indexOf(": ");
    if (colon < 0) {
      return new Event(e, false, 0);
    }
    String side = e.substring(0, colon);
    String what = e.substring(colon + 2).strip();
    if (what.startsWith("plan ")) {
      try {
        return new Event("", false, Integer.parseInt(what.substring(5).strip()));
      } catch (NumberFormatException notOurs) {
        return new Event(e, false, 0);
      }
    }
    String where = switch (side) {
      case "native" -> "natively (DJL)";
      case "python" -> "natively (your Python)";
      case "interconnect" -> "on the GPUs";
      default -> "in " + side;
    };
    if ("python".equals(side)) {
      return new Event("running your Python's torch (" + what + ")", false, 0);
    }
    String[] w = what.split(" ");
    String words = switch (w[0]) {
      case "engine" -> "starting the engine " + where;
      case "verify" -> w.length > 1 ? "checking that " + device(w[1]) + " computes correctly " + where : what + " " + where;
      case "calibrate" -> w.length > 2 ? "timing " + w[2] + " training steps on " + device(w[1]) + " " + where
          : what + " " + where;
      case "done" -> "finished " + where;
      default -> what + " " + where;
    };
    // the worker's plan counts each verify, each timing and its "done"; "engine" comes before it
    return new Event(words, !"engine".equals(w[0]), 0);
  }

  private static String device(String d) {
    return d.equals("cpu") ? "the CPU" : d;
  }
}
