package dev.envdoctor.container;

/**
 * What an image's Python lacks, from what its interpreter printed: none at all, or python3-minimal
 * (no standard library beyond the core: no json). One line each, with its fix.
 */
public final class ImagePython {

  private ImagePython() {}

  /** "has no python3 ...; fix: ..." or null when the interpreter and its standard library are there. */
  public static String lacks(String output, int exitCode) {
    String o = output == null ? "" : output;
    if (exitCode == 127 || o.contains("executable file not found") || o.contains("no such file or directory")
        && o.contains("exec")) {
      return "has no python3; fix: install python3 and torch in the image (apt-get install python3 python3-torch,"
          + " or pip install torch)";
    }
    if (o.contains("No module named 'json'") || o.contains("No module named 'encodings'")) {
      return "has python3-minimal only: its python3 lacks the standard library (no json module); fix: install"
          + " python3 (not only python3-minimal) in the image";
    }
    return null;
  }
}
