package dev.envdoctor.python;

import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.Peak;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Every GPU of a node against its siblings. For each peak test (bf16 matmul, copy, ...) measured on
 * two or more {@code cuda:N} devices, a GPU lags when it falls short of its siblings' median by more
 * than their noise: three times their median absolute deviation, and never less than {@link #FLOOR}
 * (peak tests repeat within about 1–2% on one GPU). A lagging GPU's peak gets a diagnosis naming
 * the facts in which it differs from its siblings (power limit, temperature, clocks, PCIe link,
 * persistence, ECC). The node's figure is its worst GPU ({@link #worst}). Pure.
 */
public final class GpuLag {

  static final double FLOOR = 0.03;

  /** One GPU that lags: by how much, against what noise, and the facts that differ. */
  public record Lag(String device, String test, String dtype, double achieved, double siblingsMedian, double deficit,
      double noise, List<String> facts) {}

  private GpuLag() {}

  public static List<Lag> lags(List<Peak> peaks, List<GpuInfo> gpus) {
    List<Lag> lags = new ArrayList<>();
    for (Peak p : peaks) {
      List<Peak> group = siblingsOf(peaks, p);
      if (!cuda(p) || p.achieved() == null || group.isEmpty()) {
        continue;
      }
      List<Double> others = group.stream().map(Peak::achieved).sorted().toList();
      double median = median(others);
      double mad = median(others.stream().map(v -> Math.abs(v - median)).sorted().toList());
      double noise = Math.max(FLOOR, median > 0 ? 3 * mad / median : FLOOR);
      double deficit = median > 0 ? 1 - p.achieved() / median : 0;
      if (deficit > noise) {
        lags.add(new Lag(p.device(), p.test(), p.dtype(), p.achieved(), median, deficit, noise,
            facts(index(p.device()), group.stream().map(s -> index(s.device())).toList(), gpus)));
      }
    }
    return lags;
  }

  /** The peaks with each lagging GPU's diagnosis added (its own datasheet diagnosis is kept first). */
  public static List<Peak> flag(List<Peak> peaks, List<GpuInfo> gpus) {
    List<Lag> lags = lags(peaks, gpus);
    List<Peak> out = new ArrayList<>();
    for (Peak p : peaks) {
      Optional<Lag> lag = lags.stream().filter(l -> l.device().equals(p.device()) && l.test().equals(p.test())
          && Objects.equals(l.dtype(), p.dtype())).findFirst();
      if (lag.isEmpty()) {
        out.add(p);
        continue;
      }
      String text = describe(lag.get(), p.unit());
      out.add(p.rated(p.datasheetPeak(), p.fractionOfPeak(), p.diagnosis() == null ? text : p.diagnosis() + "; " + text,
          p.normal()));
    }
    return out;
  }

  static String describe(Lag l, String unit) {
    return String.format(Locale.ROOT, "%s lags its siblings: %s %s %.1f %s, %.0f%% below their median %.1f (their"
        + " noise ±%.0f%%); %s", l.device(), l.dtype(), l.test(), l.achieved(), unit, 100 * l.deficit(),
        l.siblingsMedian(), 100 * l.noise(), l.facts().isEmpty()
            ? "its facts match theirs: look at its clocks and throttle reasons under load (nvidia-smi -q -d"
                + " CLOCK,PERFORMANCE -i " + l.device().substring(5) + ")"
            : "it differs in: " + String.join("; ", l.facts()));
  }

  /** The node's figure of one test: the worst GPU's peak. */
  public static Optional<Peak> worst(List<Peak> peaks, String test, String dtype) {
    return peaks.stream().filter(p -> cuda(p) && p.achieved() != null && test.equals(p.test())
        && Objects.equals(dtype, p.dtype())).min(Comparator.comparing(Peak::achieved));
  }

  /** The same test on the other GPUs of the same side and backend. */
  private static List<Peak> siblingsOf(List<Peak> peaks, Peak p) {
    return peaks.stream().filter(s -> s != p && cuda(s) && s.achieved() != null && !s.device().equals(p.device())
        && Objects.equals(s.runtime(), p.runtime()) && Objects.equals(s.backend(), p.backend())
        && Objects.equals(s.test(), p.test()) && Objects.equals(s.dtype(), p.dtype())).toList();
  }

  /** Facts of GPU i that differ from what most of its siblings show. */
  static List<String> facts(int i, List<Integer> siblings, List<GpuInfo> gpus) {
    List<String> facts = new ArrayList<>();
    if (i < 0 || i >= gpus.size()) {
      return facts;
    }
    GpuInfo g = gpus.get(i);
    List<GpuInfo> sib = siblings.stream().filter(s -> s >= 0 && s < gpus.size()).map(gpus::get).toList();
    differs(facts, "power limit", g.powerLimitW(), sib.stream().map(GpuInfo::powerLimitW).toList(), "W");
    differs(facts, "max SM clock", g.smClockMaxMhz(), sib.stream().map(GpuInfo::smClockMaxMhz).toList(), "MHz");
    differs(facts, "max memory clock", g.memClockMaxMhz(), sib.stream().map(GpuInfo::memClockMaxMhz).toList(), "MHz");
    differs(facts, "PCIe link", g.pcieLink(), sib.stream().map(GpuInfo::pcieLink).toList(), "");
    differs(facts, "persistence mode", g.persistenceMode(), sib.stream().map(GpuInfo::persistenceMode).toList(), "");
    differs(facts, "ECC", g.eccEnabled(), sib.stream().map(GpuInfo::eccEnabled).toList(), "");
    List<Double> temps = sib.stream().map(GpuInfo::temperatureC).filter(Objects::nonNull).sorted().toList();
    if (g.temperatureC() != null && !temps.isEmpty() && g.temperatureC() >= median(temps) + 10) {
      facts.add(String.format(Locale.ROOT, "temperature %.0f °C, its siblings' median %.0f °C", g.temperatureC(),
          median(temps)));
    }
    return facts;
  }

  private static void differs(List<String> facts, String what, Object mine, List<?> theirs, String unit) {
    Object usual = mostCommon(theirs);
    if (mine != null && usual != null && !mine.equals(usual)) {
      facts.add(what + " " + show(mine) + (unit.isEmpty() ? "" : " " + unit) + ", its siblings' " + show(usual)
          + (unit.isEmpty() ? "" : " " + unit));
    }
  }

  private static String show(Object v) {
    if (v instanceof Double d) {
      return String.format(Locale.ROOT, "%.0f", d);
    }
    if (v instanceof Boolean b) {
      return b ? "on" : "off";
    }
    return String.valueOf(v);
  }

  private static Object mostCommon(List<?> values) {
    Object best = null;
    long count = 0;
    for (Object v : values) {
      long c = values.stream().filter(o -> Objects.equals(o, v)).count();
      if (v != null && c > count) {
        best = v;
        count = c;
      }
    }
    return best;
  }

  private static boolean cuda(Peak p) {
    return p.device() != null && p.device().startsWith("cuda:");
  }

  private static int index(String device) {
    try {
      return Integer.parseInt(device.substring(5));
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n == 0 ? 0 : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
