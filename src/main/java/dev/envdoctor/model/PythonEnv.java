package dev.envdoctor.model;

/**
 * {@code python.*}: the user's Python training environment. {@code found} tells how it was chosen
 * (--python, VIRTUAL_ENV, CONDA_PREFIX, PATH); a missing or broken one carries a diagnosis and fix.
 */
public record PythonEnv(
    String executable,
    String version,
    String arch,
    Boolean venv,
    String found,
    Torch torch,
    String diagnosis,
    String fix) {

  public record Torch(String version, String cuda, Mps mps) {}

  public record Mps(Boolean built, Boolean available) {}
}
