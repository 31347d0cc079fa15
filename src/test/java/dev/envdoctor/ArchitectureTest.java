package dev.envdoctor;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/design.md, held over the compiled classes (ArchUnit reads the bytecode, so a
 * fully qualified name in a method body is a dependency as much as an import is). Bottom to top:
 * model; exec and run; protocol; calibrate; flow; the parent's side runner (sides); the Java side
 * (worker); the stages; doctor, which
 * wires them; cli and Main on top. A lower layer never depends on a higher one, the Java side is
 * reached only through its command (cli), and no two packages depend on each other.
 */
class ArchitectureTest {

  private static final String ROOT = "dev.envdoctor";
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  static ArchRule layers() {
    return layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("model").definedBy(ROOT + ".model..")
        .layer("base").definedBy(ROOT + ".exec..", ROOT + ".run..")
        .layer("protocol").definedBy(ROOT + ".protocol..")
        .layer("kernel").definedBy(ROOT + ".calibrate..")
        .layer("flow").definedBy(ROOT + ".flow..")
        .layer("runner").definedBy(ROOT + ".sides..")
        .layer("side").definedBy(ROOT + ".worker..")
        .layer("stages").definedBy(ROOT + ".probe..", ROOT + ".verify..", ROOT + ".python..",
            ROOT + ".container..", ROOT + ".interconnect..", ROOT + ".recommend..", ROOT + ".check..",
            ROOT + ".report..", ROOT + ".compare..", ROOT + ".race..", ROOT + ".health..", ROOT + ".fleet..")
        .layer("wiring").definedBy(ROOT + ".doctor..")
        .layer("cli").definedBy(ROOT + ".cli..")
        .whereLayer("model").mayNotAccessAnyLayer()
        .whereLayer("base").mayOnlyAccessLayers("model")
        .whereLayer("protocol").mayOnlyAccessLayers("model", "base")
        .whereLayer("kernel").mayOnlyAccessLayers("model", "base", "protocol")
        .whereLayer("flow").mayOnlyAccessLayers("model", "base", "protocol", "kernel")
        .whereLayer("runner").mayOnlyAccessLayers("model", "base", "protocol", "kernel", "flow")
        .whereLayer("side").mayOnlyAccessLayers("model", "base", "protocol", "kernel")
        .whereLayer("stages").mayOnlyAccessLayers("model", "base", "protocol", "kernel", "flow", "runner", "stages")
        .whereLayer("wiring").mayOnlyAccessLayers("model", "base", "protocol", "kernel", "flow", "runner", "stages")
        .whereLayer("cli").mayOnlyAccessLayers("model", "base", "protocol", "kernel", "flow", "runner", "side", "stages",
            "wiring");
  }

  @Test
  void noLayerDependsOnAHigherOne() {
    layers().check(classes);
  }

  @Test
  void noTwoPackagesDependOnEachOther() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  /** A fully qualified dev.envdoctor name in code hides a dependency from a reader of the imports. */
  @Test
  void codeNamesOtherClassesByImportNotByFullName() throws IOException {
    List<String> found;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      found = files.filter(p -> p.toString().endsWith(".java")).flatMap(ArchitectureTest::fullNames).toList();
    }
    assertEquals(List.of(), found, "import these instead");
  }

  private static Stream<String> fullNames(Path file) {
    String code;
    try {
      code = Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Pattern fqn = Pattern.compile("\\bdev\\.envdoctor\\.[a-z]+\\.[A-Za-z]\\w*");
    return fqn.matcher(codeOnly(code)).results().map(m -> file.getFileName() + ": " + m.group());
  }

  /** The code without comments, string and char literals, package and import lines. */
  static String codeOnly(String source) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        i = Math.max(source.indexOf('\n', i), i + 2);
        i = i < 0 ? n : i;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && source.charAt(j) != c) {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        i = j + 1;
        out.append("\"\"");
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString().replaceAll("(?m)^(package|import) [^\\n]*", "");
  }
}
