package dev.envdoctor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envdoctor.model.Summary;
import org.junit.jupiter.api.Test;

class WordsTest {

  @Test
  void oneWarningAndOneErrorAreSingular() {
    assertEquals("2 passed, 1 warning, 0 failed, 3 skipped, 1 error", Words.checkCounts(new Summary(2, 1, 0, 3, 1)));
    assertEquals("0 passed, 2 warnings, 1 failed, 0 skipped, 0 errors", Words.checkCounts(new Summary(0, 2, 1, 0, 0)));
  }
}
