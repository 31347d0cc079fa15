package dev.envdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.model.CheckResult;
import dev.envdoctor.model.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as a browser shows it: Debian's chromium, headless, reads the file with no
 * network, and the rendered DOM carries the verdict, every check and the chart; a screenshot is a
 * real, non-blank PNG. (scripts/test-deps.sh installs chromium.)
 */
class HtmlChromiumIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @Test
  void theRenderedPageShowsTheVerdictTheChecksAndTheChart(@TempDir Path tmp) throws Exception {
    assertTrue(Files.isExecutable(CHROMIUM), "chromium is missing: run scripts/test-deps.sh");
    Report mac = new Redactor(Identity.none()).redact(Fixtures.mac());
    Path page = tmp.resolve("report.html");
    Files.writeString(page, Renderers.byFormat("html").orElseThrow().render(mac));

    CommandResult dom = chromium(tmp, "--dump-dom", page.toUri().toString());
    assertTrue(dom.ok(), dom.describe() + "\n" + dom.stderr());
    String text = dom.stdout();
    assertTrue(text.contains("id=\"verdict\">Train natively on MPS: 4.3× faster than Docker (CPU only)</div>"), text);
    for (CheckResult c : mac.checks()) {
      assertTrue(text.contains(c.id()) && text.contains(Fmt.html(c.message())), c.id());
    }
    assertTrue(text.contains("<svg") && text.contains("native/djl/mps · cnn"), "the chart is in the DOM");
    assertTrue(text.contains("redacted: home-path"), "the redaction summary is shown");

    Path png = tmp.resolve("report.png");
    CommandResult shot = chromium(tmp, "--screenshot=" + png, "--window-size=1100,1600", page.toUri().toString());
    assertTrue(shot.ok(), shot.describe() + "\n" + shot.stderr());
    byte[] bytes = Files.readAllBytes(png);
    assertEquals((byte) 0x89, bytes[0]);
    assertEquals("PNG", new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
    assertTrue(bytes.length > 40_000, "a page with tables and a chart, not a blank one: " + bytes.length + " bytes");
    String keep = System.getProperty("envdoctor.keepScreenshot");
    if (keep != null) {
      Files.copy(png, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static CommandResult chromium(Path tmp, String... args) {
    return dev.envdoctor.testing.Chromium.run(tmp, args);
  }
}
