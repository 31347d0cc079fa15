package dev.envdoctor.report;

import dev.envdoctor.model.CheckResult;
import dev.envdoctor.model.CheckStatus;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Report;
import java.util.Locale;

/**
 * JUnit XML as CI systems read it (the Ant/Surefire dialect): a suite of checks, one test case per
 * check (fail → failure, error → error, skip → skipped, warn → passed with the warning in
 * system-out), and a suite of device verifications (not verified → failure).
 */
final class JunitRenderer implements ReportRenderer {

  @Override
  public String format() {
    return "junit";
  }

  @Override
  public String extension() {
    return "xml";
  }

  @Override
  public String render(Report r) {
    StringBuilder checks = new StringBuilder();
    int[] c = new int[3];
    for (CheckResult check : r.checks()) {
      checks.append(check(check, c));
    }
    StringBuilder devices = new StringBuilder();
    int devFailures = 0;
    for (DeviceResult d : r.devices()) {
      boolean ok = Boolean.TRUE.equals(d.verified());
      devFailures += ok ? 0 : 1;
      String name = Fmt.side(d.runtime(), d.backend(), d.device()) + " computes and matches the CPU";
      devices.append("    <testcase classname=\"envdoctor.devices\" name=\"").append(xml(name)).append("\"");
      if (ok) {
        devices.append("/>\n");
      } else {
        devices.append(">\n      <failure message=\"").append(xml(Fmt.text(d.diagnosis()))).append("\" type=\"not-verified\">")
            .append(xml(Fmt.join("\n", d.diagnosis(), d.fix() == null ? null : "fix: " + d.fix(),
                String.join("\n", d.stderrTail())))).append("</failure>\n    </testcase>\n");
      }
    }
    String ts = r.createdAt() == null ? "" : " timestamp=\"" + xml(r.createdAt()) + "\"";
    int tests = r.checks().size() + r.devices().size();
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append(String.format(Locale.ROOT, "<testsuites name=\"envdoctor\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\">%n",
        tests, c[0] + devFailures, c[1], c[2]));
    x.append(String.format(Locale.ROOT, "  <testsuite name=\"envdoctor.checks\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\"%s>%n",
        r.checks().size(), c[0], c[1], c[2], ts)).append(checks).append("  </testsuite>\n");
    x.append(String.format(Locale.ROOT, "  <testsuite name=\"envdoctor.devices\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\"%s>%n",
        r.devices().size(), devFailures, ts)).append(devices).append("  </testsuite>\n");
    return x.append("</testsuites>\n").toString();
  }

  /** One test case; counts[0..2] collect failures, errors and skips. */
  private static String check(CheckResult c, int[] counts) {
    String head = "    <testcase classname=\"envdoctor.checks\" name=\"" + xml(Fmt.text(c.id()) + ": " + Fmt.text(c.title())) + "\"";
    String message = Fmt.join(" ", c.message(), c.expected() == null && c.actual() == null ? null
        : "(expected " + Fmt.text(c.expected()) + ", actual " + Fmt.text(c.actual()) + ")");
    String body = Fmt.join("\n", c.message(), c.fix() == null ? null : "fix: " + c.fix());
    CheckStatus status = c.status() == null ? CheckStatus.ERROR : c.status();
    String inner = switch (status) {
      case PASS -> null;
      case WARN -> "      <system-out>" + xml("warning: " + body) + "</system-out>\n";
      case SKIP -> { counts[2]++; yield "      <skipped message=\"" + xml(message) + "\"/>\n"; }
      case FAIL -> { counts[0]++; yield "      <failure message=\"" + xml(message) + "\" type=\"" + xml(Fmt.text(c.severity())) + "\">" + xml(body) + "</failure>\n"; }
      default -> { counts[1]++; yield "      <error message=\"" + xml(message) + "\" type=\"" + xml(status.wire()) + "\">" + xml(body) + "</error>\n"; }
    };
    return inner == null ? head + "/>\n" : head + ">\n" + inner + "    </testcase>\n";
  }

  /** XML text and attribute escaping; characters XML 1.0 forbids (most controls) are dropped. */
  static String xml(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp > 0xFFFF) {
            b.appendCodePoint(cp);
          }
        }
      }
    });
    return b.toString();
  }
}
