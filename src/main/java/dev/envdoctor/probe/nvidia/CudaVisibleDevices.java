package dev.envdoctor.probe.nvidia;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CUDA's device N (PyTorch's cuda:N) as nvidia-smi's GPU index, through CUDA_VISIBLE_DEVICES as the
 * CUDA runtime reads it: a comma-separated list of nvidia-smi indices ("2,3": cuda:0 is GPU 2), GPU
 * UUIDs or unique prefixes of them ("GPU-8932f937"), or MIG device UUIDs ("MIG-..."; the legacy
 * "MIG-GPU-&lt;uuid&gt;/gi/ci" names its GPU); the list ends at the first entry that names no device,
 * so "0,7,1" on a 4-GPU node makes only GPU 0 visible. Unset means every GPU in nvidia-smi's order
 * (identity); set but empty means none. UUID forms need nvidia-smi -L's listing, without which they
 * map to nothing rather than to a guess. CUDA_DEVICE_ORDER=FASTEST_FIRST (CUDA's default) can order
 * unlike GPUs otherwise; alike GPUs, as training nodes have, are in PCI bus order either way. Pure.
 */
public final class CudaVisibleDevices {

  private final String value;

  private CudaVisibleDevices(String value) {
    this.value = value;
  }

  /** @param value the variable's value, null when unset */
  public static CudaVisibleDevices of(String value) {
    return new CudaVisibleDevices(value);
  }

  public boolean set() {
    return value != null;
  }

  /** Whether the value names devices by UUID, so that nvidia-smi -L is needed to map them. */
  public boolean needsListing() {
    return value != null && value.toUpperCase(Locale.ROOT).matches("(?s).*\\b(GPU|MIG)-.*");
  }

  /**
   * nvidia-smi's index of CUDA device {@code ordinal}; empty when it is not visible or cannot be
   * told (a UUID without a listing, an index past the GPUs).
   *
   * @param gpuCount nvidia-smi's GPU count; an index at or past it ends the list, as in CUDA
   * @param listing nvidia-smi -L parsed; null when not read
   */
  public Optional<Integer> smiIndex(int ordinal, int gpuCount, NvidiaSmiList.Listing listing) {
    if (ordinal < 0) {
      return Optional.empty();
    }
    if (value == null) {
      return gpuCount > 0 && ordinal >= gpuCount ? Optional.empty() : Optional.of(ordinal);
    }
    List<Integer> visible = visible(gpuCount, listing);
    return ordinal < visible.size() && visible.get(ordinal) != null ? Optional.of(visible.get(ordinal)) : Optional.empty();
  }

  /** The visible devices in CUDA's order as nvidia-smi indices; null for one that cannot be told. */
  List<Integer> visible(int gpuCount, NvidiaSmiList.Listing listing) {
    List<Integer> out = new ArrayList<>();
    for (String raw : value.split(",", -1)) {
      String t = raw.strip();
      if (t.isEmpty()) {
        break;
      }
      Integer index;
      if (t.matches("\\d+")) {
        index = Integer.valueOf(t);
        if (gpuCount > 0 && index >= gpuCount) {
          break;
        }
      } else if (t.regionMatches(true, 0, "GPU-", 0, 4) || t.regionMatches(true, 0, "MIG-", 0, 4)) {
        if (listing == null) {
          index = null;
        } else {
          index = byUuid(t, listing);
          if (index == null) {
            break;
          }
        }
      } else {
        break;
      }
      out.add(index);
    }
    return out;
  }

  private static Integer byUuid(String t, NvidiaSmiList.Listing l) {
    String u = t.toUpperCase(Locale.ROOT);
    if (u.startsWith("MIG-GPU-")) {
      int slash = t.indexOf('/');
      return gpuByPrefix(t.substring(4, slash < 0 ? t.length() : slash), l);
    }
    if (u.startsWith("MIG-")) {
      List<Integer> hits = l.migParents().entrySet().stream()
          .filter(e -> e.getKey().toUpperCase(Locale.ROOT).startsWith(u)).map(e -> e.getValue()).toList();
      return hits.size() == 1 ? hits.get(0) : null;
    }
    return gpuByPrefix(t, l);
  }

  /** The GPU whose UUID starts with the given one (CUDA takes a unique prefix); null when none or several. */
  private static Integer gpuByPrefix(String uuid, NvidiaSmiList.Listing l) {
    String u = uuid.toUpperCase(Locale.ROOT);
    Integer hit = null;
    for (int i = 0; i < l.gpuUuids().size(); i++) {
      if (!l.gpuUuids().get(i).isEmpty() && l.gpuUuids().get(i).toUpperCase(Locale.ROOT).startsWith(u)) {
        if (hit != null) {
          return null;
        }
        hit = i;
      }
    }
    return hit;
  }
}
