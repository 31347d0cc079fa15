package dev.envdoctor.recommend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.envdoctor.cli.ExitException;
import dev.envdoctor.model.Recommendation.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training job a projection is made for: from the options, from the {@code workload:} section
 * of a profile, or the case that motivated this tool (YOLOv8m, 69,000 images at 640 px, 50
 * epochs, batch 16) when none is stated.
 */
public final class Workloads {

  public static final Workload DEFAULT = of("yolov8m-69k", "yolov8m", 50, 69_000L, 640, 16, null);

  static final String STATED = "stated (--gflops or the profile's gflops)";

  private Workloads() {}

  /** Whether the workload's GFLOPs were stated rather than taken from the model table. */
  public static boolean isStated(Workload w) {
    return STATED.equals(w.gflopsSource());
  }

  /**
   * A workload for a model of the table, or any model with its forward GFLOPs at 640 px given.
   * Throws a one-line bad-input error for an unknown model without GFLOPs or a non-positive size.
   */
  public static Workload of(String name, String model, int epochs, long images, int imgsz, int batch,
      Double forwardGflops640) {
    if (epochs <= 0 || images <= 0 || imgsz <= 0 || batch <= 0) {
      throw ExitException.badInput("workload: epochs, images, imgsz and batch must be positive (got "
          + epochs + ", " + images + ", " + imgsz + ", " + batch + ")");
    }
    Double gflops = forwardGflops640 != null ? forwardGflops640 : Models.forwardGflops(model);
    if (gflops == null || gflops <= 0) {
      throw ExitException.badInput("workload: unknown model '" + model + "': use one of "
          + Models.names() + " or give its forward GFLOPs per image at 640 px with --gflops");
    }
    String source = forwardGflops640 != null ? STATED : Models.SOURCE;
    return new Workload(name == null ? model : name, epochs, images, imgsz, batch, model, gflops,
        Models.TABLE_IMGSZ, source);
  }

  /** The {@code workload:} section of a YAML profile; missing keys take the default's values. */
  public static Workload fromProfile(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (IOException | RuntimeException e) {
      throw ExitException.badInput("cannot read workload profile " + file + ": " + oneLine(e)
          + " (give a YAML file with a workload: section)");
    }
    JsonNode w = root == null ? null : root.get("workload");
    if (w == null || !w.isObject()) {
      throw ExitException.badInput("workload profile " + file + " has no workload: section "
          + "(expected keys: model, epochs, images, imgsz, batch)");
    }
    String model = w.path("model").asText(DEFAULT.model());
    return of(w.path("name").asText(file.getFileName().toString().replaceFirst("\\.ya?ml$", "")), model,
        w.path("epochs").asInt(DEFAULT.epochs()), w.path("images").asLong(DEFAULT.images()),
        w.path("imgsz").asInt(DEFAULT.imgsz()), w.path("batch").asInt(DEFAULT.batch()),
        w.hasNonNull("gflops") ? w.get("gflops").asDouble() : null);
  }

  private static String oneLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }
}
