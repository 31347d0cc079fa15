package dev.envdoctor.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.fleet.render.FleetRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet HTML page as headless Chromium shows it (FleetSchemaTest.everything: the dev VM's real
 * reports and GPU nodes constructed from the H100's real report): the chart and the outlier are in
 * the rendered DOM, and the screenshot is a real PNG.
 */
class FleetHtmlChromiumIT {

  private static final Path CHROMIUM = dev.envdoctor.testing.Chromium.BINARY;

  @Test
  void theChartShowsTheOutlierInTheBrowser(@TempDir Path tmp) throws Exception {
    assertTrue(Files.isExecutable(CHROMIUM), "chromium is missing: run scripts/test-deps.sh");
    Path page = tmp.resolve("fleet.html");
    Files.writeString(page, FleetRenderer.byFormat("html").orElseThrow().render(FleetSchemaTest.everything()));
    CommandResult dom = chromium(tmp, "--dump-dom", page.toUri().toString());
    assertTrue(dom.ok(), dom.describe() + "\n" + dom.stderr());
    assertTrue(dom.stdout().contains("<circle") && dom.stdout().contains("outliers: gpu04"), "chart and outlier in the DOM");
    Path png = tmp.resolve("fleet.png");
    CommandResult shot = chromium(tmp, "--screenshot=" + png, "--window-size=1000,1200", page.toUri().toString());
    assertTrue(shot.ok(), shot.describe() + "\n" + shot.stderr());
    byte[] bytes = Files.readAllBytes(png);
    assertEquals("PNG", new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
    assertTrue(bytes.length > 30_000, "not a blank page: " + bytes.length + " bytes");
  }

  private static CommandResult chromium(Path tmp, String... args) {
    return dev.envdoctor.testing.Chromium.run(tmp, args);
  }
}
