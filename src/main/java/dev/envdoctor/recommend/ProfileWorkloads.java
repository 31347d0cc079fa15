package dev.envdoctor.recommend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.envdoctor.cli.ExitException;
import dev.envdoctor.model.Recommendation.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code workload:} section of a check profile, found as the check stage finds profiles: a
 * file, else {@code checks/NAME.yaml} in the working directory, else the profile bundled in the
 * jar; when the profile states none, the nearest of its includes that does. Keys: name, epochs,
 * images, imgsz, batch, and optionally model and gflops (forward GFLOPs per image at 640 px). Only
 * the workload is read here: the check stage validates the rest of the file.
 */
public final class ProfileWorkloads {

  static final String BUNDLED_DIR = "dev/envdoctor/checks/";
  private static final int MAX_DEPTH = 8;

  private ProfileWorkloads() {}

  /** The profile's workload, or empty when it states none. A profile that is not there is bad input. */
  public static Optional<Workload> find(String ref, Path workDir) {
    Source top = locate(ref, null, workDir).orElseThrow(() -> ExitException.badInput("profile '" + ref
        + "' not found: no such file, no checks/" + ref + ".yaml in " + workDir + " and no bundled profile of that name"));
    return workload(top, workDir, 0);
  }

  private record Source(String name, Path dir, String text) {}

  private static Optional<Workload> workload(Source s, Path workDir, int depth) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(s.text());
    } catch (IOException | RuntimeException e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw ExitException.badInput("profile " + s.name() + ": " + m.lines().findFirst().orElse(m));
    }
    JsonNode w = root == null ? null : root.get("workload");
    if (w != null && w.isObject()) {
      for (String key : List.of("epochs", "images", "imgsz", "batch")) {
        if (!w.path(key).canConvertToLong() || w.path(key).asLong() <= 0) {
          throw ExitException.badInput("profile " + s.name() + ": workload needs a positive '" + key + ":'");
        }
      }
      Double gflops = w.hasNonNull("gflops") ? w.get("gflops").asDouble() : null;
      if (gflops != null && gflops <= 0) {
        throw ExitException.badInput("profile " + s.name() + ": workload gflops must be positive");
      }
      return Optional.of(new Workload(w.path("name").asText(s.name()), w.get("epochs").asInt(),
          w.get("images").asLong(), w.get("imgsz").asInt(), w.get("batch").asInt(),
          w.hasNonNull("model") ? w.get("model").asText() : null, gflops, null, null));
    }
    if (depth >= MAX_DEPTH || root == null) {
      return Optional.empty();
    }
    for (String include : includes(root.get("include"))) {
      Optional<Workload> found = locate(include, s, workDir).flatMap(inc -> workload(inc, workDir, depth + 1));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static List<String> includes(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node != null && node.isTextual()) {
      out.add(node.asText());
    } else if (node != null && node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private static Optional<Source> locate(String ref, Source from, Path workDir) {
    boolean fileLike = ref.endsWith(".yaml") || ref.endsWith(".yml") || ref.contains("/");
    String file = fileLike ? ref : ref + ".yaml";
    List<Path> candidates = new ArrayList<>();
    candidates.add((from == null || from.dir() == null ? workDir : from.dir()).resolve(fileLike ? ref : file));
    candidates.add(workDir.resolve(ref));
    candidates.add(workDir.resolve("checks").resolve(file));
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        try {
          return Optional.of(new Source(p.getFileName().toString().replaceFirst("\\.ya?ml$", ""),
              p.toAbsolutePath().getParent(), Files.readString(p)));
        } catch (IOException e) {
          throw ExitException.badInput("cannot read profile " + p + ": " + e.getMessage());
        }
      }
    }
    try (InputStream in = ProfileWorkloads.class.getClassLoader()
        .getResourceAsStream(BUNDLED_DIR + Path.of(file).getFileName())) {
      return in == null ? Optional.empty()
          : Optional.of(new Source(ref, null, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
