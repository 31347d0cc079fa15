package dev.envdoctor.cli;

import dev.envdoctor.run.Version;
import picocli.CommandLine;

/** {@code --version}: the build's version, the JVM and the OS, as support asks for them. */
public final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
      "envdoctor " + Version.version(),
      "JVM: " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
          + System.getProperty("os.arch") + ")",
      "OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version")
    };
  }
}
