package dev.envdoctor.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This build's version, from the properties the build writes. */
public final class Version {

  private Version() {}

  public static String version() {
    try (InputStream in = Version.class.getResourceAsStream("/dev/envdoctor/version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
