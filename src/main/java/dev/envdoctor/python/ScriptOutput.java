package dev.envdoctor.python;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.model.PythonEnv;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.protocol.WorkerOutput;

/**
 * What envdoctor_torch.py printed: the worker protocol document, plus the facts of the Python that
 * ran it ({@code python}). Parsing is pure: text in, records out.
 */
public record ScriptOutput(WorkerOutput worker, Facts python) {

  /** The script's {@code python} object: the report's python.* plus what diagnoses need. */
  public record Facts(
      String executable,
      String version,
      String arch,
      Boolean venv,
      String prefix,
      Boolean conda,
      String platform,
      Boolean translated,
      TorchFacts torch) {}

  /** torch as the script saw it; cudaWarning is what torch.cuda.is_available() warned. */
  public record TorchFacts(
      String version,
      String cuda,
      PythonEnv.Mps mps,
      Boolean cudaAvailable,
      Integer cudaDeviceCount,
      String cudaWarning,
      Integer threads,
      PythonEnv.Blas blas) {}

  /** Not the script's document: stdout held something else. */
  public static final class NotOurs extends Exception {
    NotOurs(String message) {
      super(message);
    }
  }

  /** The greeting's {@code python} object, or null. */
  static Facts facts(JsonNode python) {
    if (python == null || python.isNull()) {
      return null;
    }
    try {
      return ReportJson.mapper().treeToValue(python, Facts.class);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** The one document the script printed before the side protocol: the recordings under src/test/resources are of it. */
  static final String RECORDED = "envdoctor/worker/v1";

  /** A whole document (a recorded run's). */
  public static ScriptOutput parse(String stdout) throws NotOurs {
    String text = stdout == null ? "" : stdout.strip();
    if (text.isEmpty()) {
      throw new NotOurs("printed nothing on stdout");
    }
    try {
      JsonNode root = ReportJson.mapper().readTree(text);
      String protocol = root == null ? "" : root.path("protocol").asText();
      if (!root.isObject() || !(WorkerOutput.PROTOCOL.equals(protocol) || RECORDED.equals(protocol))) {
        throw new NotOurs("printed something that is not envdoctor's JSON: " + excerpt(text));
      }
      WorkerOutput worker = ReportJson.mapper().treeToValue(root, WorkerOutput.class);
      JsonNode python = root.get("python");
      Facts facts = python == null || python.isNull() ? null : ReportJson.mapper().treeToValue(python, Facts.class);
      return new ScriptOutput(worker, facts);
    } catch (JsonProcessingException e) {
      throw new NotOurs("printed something that is not envdoctor's JSON: " + excerpt(text));
    }
  }

  static String excerpt(String text) {
    String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    return "\"" + (first.length() > 80 ? first.substring(0, 77) + "..." : first) + "\"";
  }
}
