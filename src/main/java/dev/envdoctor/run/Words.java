package dev.envdoctor.run;

import dev.envdoctor.model.Summary;

/** Small pieces of English every view needs, so that none of them prints "1 warnings" or "1 ranks". */
public final class Words {

  private Words() {}

  /** "1 warning", "2 warnings", "0 warnings": the noun's plural with an s, as every noun here takes. */
  public static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** A check run's tally as check and report print it: "13 passed, 1 warning, 0 failed, 2 skipped, 1 error". */
  public static String checkCounts(Summary s) {
    return s.passed() + " passed, " + count(s.warned(), "warning") + ", " + s.failed() + " failed, "
        + s.skipped() + " skipped, " + count(s.errors(), "error");
  }
}
