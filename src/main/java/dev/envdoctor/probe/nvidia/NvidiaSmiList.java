package dev.envdoctor.probe.nvidia;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code nvidia-smi -L}: "GPU 0: NAME (UUID: GPU-...)" per GPU in nvidia-smi's index order,
 * each followed by its MIG devices ("  MIG 1g.10gb     Device  0: (UUID: MIG-...)"). Pure.
 */
public final class NvidiaSmiList {

  private static final Pattern GPU = Pattern.compile("^GPU\\s+(\\d+):.*\\(UUID:\\s*(GPU-[0-9A-Fa-f-]+)\\)");
  private static final Pattern MIG = Pattern.compile("^\\s+MIG\\b.*\\(UUID:\\s*(MIG-[^)\\s]+)\\)");

  /**
   * @param gpuUuids the GPU UUIDs by nvidia-smi index
   * @param migParents each MIG device's UUID to its GPU's nvidia-smi index
   */
  public record Listing(List<String> gpuUuids, Map<String, Integer> migParents) {

    public Listing {
      gpuUuids = List.copyOf(gpuUuids);
      migParents = Map.copyOf(migParents);
    }
  }

  private NvidiaSmiList() {}

  public static Listing parse(String text) {
    List<String> gpus = new ArrayList<>();
    Map<String, Integer> migs = new LinkedHashMap<>();
    Integer current = null;
    for (String line : text == null ? new String[0] : text.split("\\R")) {
      Matcher g = GPU.matcher(line);
      if (g.find()) {
        current = Integer.valueOf(g.group(1));
        while (gpus.size() <= current) {
          gpus.add(null);
        }
        gpus.set(current, g.group(2));
        continue;
      }
      Matcher m = MIG.matcher(line);
      if (m.find() && current != null) {
        migs.put(m.group(1), current);
      }
    }
    return new Listing(gpus.stream().map(u -> u == null ? "" : u).toList(), migs);
  }
}
