package dev.envdoctor.testing;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Debian's chromium, headless, for the HTML report tests (scripts/test-deps.sh installs it). */
public final class Chromium {

  public static final Path BINARY = Path.of("/usr/bin/chromium");

  private Chromium() {}

  /** chromium headless, with its profile in the temp folder so nothing is left behind. */
  public static CommandResult run(Path tmp, String... args) {
    List<String> argv = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--disable-extensions", "--disable-breakpad", "--user-data-dir=" + tmp.resolve("profile")));
    argv.addAll(List.of(args));
    // chromium puts crash reports under $XDG_CONFIG_HOME whatever --user-data-dir says: keep them in tmp too
    return new ProcessRunner().run(CommandSpec.of(Duration.ofSeconds(90), argv).withEnv(Map.of(
        "XDG_CONFIG_HOME", tmp.resolve("config").toString(), "XDG_CACHE_HOME", tmp.resolve("cache").toString())));
  }
}
