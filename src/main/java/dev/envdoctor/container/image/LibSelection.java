package dev.envdoctor.container.image;

import dev.envdoctor.container.Arch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the app's jars go into the image: all of them, except libtorch native jars of other
 * platforms; and the one native jar the engine's architecture needs, or its name when it is not
 * there. Pure: file names in, a selection out.
 */
public record LibSelection(List<String> include, String needed, boolean present) {

  private static final Pattern NATIVE = Pattern.compile("pytorch-native-cpu-([0-9.]+)-([a-z0-9_-]+)\\.jar");
  private static final Pattern JNI = Pattern.compile("pytorch-jni-([0-9.]+)-[0-9.]+\\.jar");

  public static LibSelection of(List<String> jarNames, String engineArch) {
    String classifier = Arch.linuxClassifier(engineArch);
    String version = null;
    List<String> include = new ArrayList<>();
    boolean present = false;
    for (String name : jarNames) {
      Matcher n = NATIVE.matcher(name);
      if (n.matches()) {
        version = n.group(1);
        if (n.group(2).equals(classifier)) {
          include.add(name);
          present = true;
        }
        continue;
      }
      Matcher j = JNI.matcher(name);
      if (j.matches() && version == null) {
        version = j.group(1);
      }
      include.add(name);
    }
    String needed = "pytorch-native-cpu-" + (version == null ? "<version>" : version) + "-" + classifier + ".jar";
    return new LibSelection(include, needed, present);
  }

  /** The Maven coordinates of the missing native jar, for the fix line. */
  public String neededArtifact() {
    Matcher n = NATIVE.matcher(needed);
    return n.matches() ? "ai.djl.pytorch:pytorch-native-cpu:" + n.group(1) + ":jar:" + n.group(2) : needed;
  }
}
