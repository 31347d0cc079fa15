package dev.envdoctor.check.load;

/** Where something stands in a profile file: 1-based line and column, as editors count them. */
public record Location(String file, int line, int column) {

  public static Location start(String file) {
    return new Location(file, 1, 1);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
