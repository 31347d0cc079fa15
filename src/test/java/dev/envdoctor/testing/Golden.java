package dev.envdoctor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whole expected outputs kept as files under src/test/resources/golden: a view's text for a fixed
 * input, compared byte for byte. To write them again from the code as it is (after a change that
 * means to change what the user sees, and only then), run the tests with {@code -Dgolden.update=true}
 * and read the diff before committing it: {@code ./mvnw -B -o test -Dgolden.update=true} (the
 * {@code *GoldenTest} classes write most of them; VerdictCausesTest, TimedApartTest, ProjectionsTest,
 * ProjectorTest, ComparerTest and RaceViewUnitTest write the ones of their own cases).
 */
public final class Golden {

  static final Path DIR = Path.of("src/test/resources/golden");

  private Golden() {}

  /** Fails unless {@code actual} is the text of golden/{@code name}; with -Dgolden.update=true writes it there. */
  public static void assertMatches(String name, String actual) {
    Path file = DIR.resolve(name);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertTrue(Files.exists(file), "no golden file " + file + ": write it with -Dgolden.update=true");
      assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "output differs from " + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
