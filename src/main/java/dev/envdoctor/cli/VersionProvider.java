package dev.envdoctor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code --version}: the build's version, the JVM and the OS, as support asks for them. */
public final class VersionProvider implements CommandLine.IVersionProvider {

  public static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/envdoctor/version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "envdoctor " + version(),
      "JVM: " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
          + System.getProperty("os.arch") + ")",
      "OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version")
    };
  }
}
