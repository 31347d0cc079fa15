package dev.envdoctor.probe;

/** Whether this JVM's instructions are translated (Rosetta 2): such a JVM cannot reach MPS. */
public interface JvmTranslation {

  /** True, false, or null when it cannot be told. {@code jvmArch} is the JVM's os.arch. */
  Boolean translated(String jvmArch);
}
