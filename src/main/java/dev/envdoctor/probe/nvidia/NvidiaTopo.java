package dev.envdoctor.probe.nvidia;

import dev.envdoctor.model.GpuTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code nvidia-smi topo -m}: a header naming the columns (GPUs, NICs or mlx5_N devices,
 * then "CPU Affinity", "NUMA Affinity", "GPU NUMA ID" as the driver has them), one row per device,
 * then a legend. Columns are tab-separated; pasted copies have spaces instead, so the header is split
 * on tabs when it has any, else on runs of two or more spaces, and rows on any whitespace (no cell
 * holds a space). Pure: text in, record out.
 */
public final class NvidiaTopo {

  public static final String SOURCE = "nvidia-smi topo -m";
  private static final Pattern NVLINK = Pattern.compile("NV(\\d+)");
  private static final Pattern GPU = Pattern.compile("GPU\\d+");

  private NvidiaTopo() {}

  public static GpuTopology parse(String text) {
    // nvidia-smi underlines the header with ANSI escapes, even into a file (seen on the lent H200)
    List<String> lines = text == null ? List.of() : text.replaceAll("\u001b\\[[0-9;]*m", "").lines().toList();
    int header = -1;
    for (int i = 0; i < lines.size(); i++) {
      String[] tokens = lines.get(i).strip().split("\\s+");
      if (tokens[0].equals("GPU0") && (tokens.length == 1 || !tokens[1].equals("X"))) { // the row GPU0 has X next
        header = i;
        break;
      }
    }
    if (header < 0) {
      return new GpuTopology(SOURCE, List.of(), List.of(), "no GPU matrix in the output of " + SOURCE);
    }
    String head = lines.get(header);
    List<String> names = new ArrayList<>();
    for (String h : head.strip().split(head.contains("\t") ? "\t+" : "\\s{2,}")) {
      if (!h.isBlank()) {
        names.add(h.strip());
      }
    }
    int devices = 0;
    while (devices < names.size() && !names.get(devices).contains(" ") && !names.get(devices).contains("Affinity")) {
      devices++;
    }
    List<String> columns = names.subList(0, devices);
    List<String> extras = names.subList(devices, names.size());
    List<GpuTopology.Gpu> gpus = new ArrayList<>();
    List<GpuTopology.Link> links = new ArrayList<>();
    for (String line : lines.subList(header + 1, lines.size())) {
      if (line.isBlank() || line.strip().startsWith("Legend")) {
        break;
      }
      // a tabbed row keeps its empty cells (a CPU Affinity nvidia-smi left blank); a pasted one cannot
      boolean tabbed = line.contains("\t");
      String[] cells = tabbed ? java.util.Arrays.stream(line.split("\t", -1)).map(String::strip).toArray(String[]::new)
          : line.strip().split("\\s+");
      if (cells.length < devices + 1 || !GPU.matcher(cells[0]).matches()) {
        continue; // a NIC's row: its paths to the GPUs are in the GPU rows already
      }
      String row = cells[0];
      for (int c = 0; c < devices; c++) {
        String path = cells[c + 1];
        if (!columns.get(c).equals(row) && !path.equals("X")) {
          Matcher nv = NVLINK.matcher(path);
          links.add(new GpuTopology.Link(row, columns.get(c), path, nv.matches() ? Integer.valueOf(nv.group(1)) : null));
        }
      }
      String cpu;
      String numa;
      if (tabbed && extras.indexOf("CPU Affinity") == 0 && extras.indexOf("NUMA Affinity") == 1) {
        // nvidia-smi pads a short value with a second tab ("0-7\t\tN/A") but writes an empty one
        // with one ("\t\t1\t\tN/A"): an empty cell after a value is padding, before one it is the value
        int i = devices + 1;
        cpu = cell(cells, i++);
        if (cpu != null && i < cells.length && cells[i].isEmpty()) {
          i++;
        }
        numa = cell(cells, i);
      } else {
        cpu = extra(cells, devices, extras, "CPU Affinity");
        numa = extra(cells, devices, extras, "NUMA Affinity");
      }
      gpus.add(new GpuTopology.Gpu(row, cpu, numa));
    }
    return new GpuTopology(SOURCE, gpus, links, gpus.isEmpty() ? "no GPU rows in the output of " + SOURCE : null);
  }

  /** A cell's value; empty, N/A and missing are null. */
  private static String cell(String[] cells, int i) {
    return i < cells.length && !cells[i].isEmpty() && !cells[i].equals("N/A") ? cells[i] : null;
  }

  /** The value under an affinity column; N/A (and a missing cell) is null. */
  private static String extra(String[] cells, int devices, List<String> extras, String name) {
    int i = extras.indexOf(name);
    if (i < 0 || devices + 1 + i >= cells.length) {
      return null;
    }
    String v = cells[devices + 1 + i];
    return v.equals("N/A") ? null : v;
  }
}
