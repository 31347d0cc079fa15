package dev.envdoctor.python;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The datasheet peaks of known GPUs (resource {@code gpu-peaks.yaml}): dense bf16, TF32 and FP32
 * TFLOP/s, memory bandwidth, board power and where each figure comes from. Keyed by a pattern on
 * the device name, first match wins.
 */
public record GpuPeaks(List<Entry> gpus) {

  static final String RESOURCE = "/dev/envdoctor/gpu-peaks.yaml";

  /** One card's figures. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Entry(String model, String match, Double bf16Tflops, Double tf32Tflops, Double fp32Tflops,
      Double memoryGBs, Double powerW, String source) {

    boolean matches(String name) {
      return name != null && Pattern.compile(match, Pattern.CASE_INSENSITIVE).matcher(name).find();
    }
  }

  public GpuPeaks {
    gpus = gpus == null ? List.of() : List.copyOf(gpus);
  }

  /** The table shipped in the jar. */
  public static GpuPeaks load() {
    return yaml(RESOURCE, GpuPeaks.class);
  }

  /** A YAML table shipped in the jar (this one, the reference ranges). */
  static <T> T yaml(String resource, Class<T> type) {
    try (InputStream in = GpuPeaks.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new ObjectMapper(new YAMLFactory()).readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<Entry> find(String deviceName) {
    return gpus.stream().filter(e -> e.matches(deviceName)).findFirst();
  }
}
