package dev.envdoctor.probe.nvidia;

import dev.envdoctor.model.PeakConditions;
import dev.envdoctor.model.PeakConditionsBuilder;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The clock sampler's output: {@code nvidia-smi --query-gpu=QUERY --format=csv -lms 250}, a header
 * naming the columns (units in brackets) and one line per GPU and sample. Columns are found by name,
 * so their order and the reasons' two spellings (clocks_throttle_reasons before driver 535,
 * clocks_event_reasons after) do not matter. Pure: text in, samples and their summary out.
 */
public final class NvidiaSmiSamples {

  /** What the sampler asks for. */
  public static final String QUERY = "timestamp,index,clocks.sm,clocks.mem,clocks.max.sm,power.draw,power.limit,"
      + "temperature.gpu,clocks_throttle_reasons.active";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSS");
  /** The clock-event reason bits (nvml.h, nvmlClocksEventReason*), in bit order. */
  private static final List<String> REASONS = List.of("gpu_idle", "applications_clocks_setting", "sw_power_cap",
      "hw_slowdown", "sync_boost", "sw_thermal_slowdown", "hw_thermal_slowdown", "hw_power_brake_slowdown",
      "display_clock_setting");

  /** One GPU at one instant; a value nvidia-smi did not have is null. */
  public record Sample(long epochMs, Integer index, Double smMhz, Double memMhz, Double smMaxMhz, Double powerW,
      Double powerLimitW, Double temperatureC, Long reasons) {}

  private NvidiaSmiSamples() {}

  /** The samples, in order; times are read in the sampling machine's zone. Lines that are not samples are skipped. */
  public static List<Sample> parse(String csv, ZoneId zone) {
    List<Sample> out = new ArrayList<>();
    List<String> header = null;
    for (String line : csv == null ? new String[0] : csv.split("\\R")) {
      List<String> cells = List.of(line.split(",\\s*"));
      if (line.startsWith("timestamp")) {
        header = cells.stream().map(c -> c.replaceFirst("\\s*\\[.*$", "").trim()).toList();
        continue;
      }
      if (header == null || cells.size() != header.size()) {
        continue;
      }
      try {
        long t = LocalDateTime.parse(cells.get(header.indexOf("timestamp")).trim(), TIME).atZone(zone).toInstant()
            .toEpochMilli();
        Long reasons = hex(cell(cells, header, "clocks_throttle_reasons.active", "clocks_event_reasons.active"));
        Double index = NvidiaValues.number(cell(cells, header, "index"));
        out.add(new Sample(t, index == null ? null : index.intValue(),
            NvidiaValues.number(cell(cells, header, "clocks.current.sm", "clocks.sm")),
            NvidiaValues.number(cell(cells, header, "clocks.current.memory", "clocks.mem")),
            NvidiaValues.number(cell(cells, header, "clocks.max.sm", "clocks.max.sm")),
            NvidiaValues.number(cell(cells, header, "power.draw")),
            NvidiaValues.number(cell(cells, header, "power.limit")),
            NvidiaValues.number(cell(cells, header, "temperature.gpu")), reasons));
      } catch (DateTimeParseException e) {
        // a line cut off when the sampler was stopped
      }
    }
    return out;
  }

  /** The active reasons' names in a bit mask, in bit order. */
  public static List<String> reasonNames(long mask) {
    List<String> out = new ArrayList<>();
    for (int bit = 0; bit < REASONS.size(); bit++) {
      if ((mask & (1L << bit)) != 0) {
        out.add(REASONS.get(bit));
      }
    }
    return out;
  }

  /**
   * The board's state over one window (inclusive, epoch ms) of GPU {@code index} (null: every GPU's
   * samples); null when no sample falls inside it.
   */
  public static PeakConditions over(List<Sample> samples, Integer index, long fromMs, long toMs) {
    List<Sample> in = samples.stream().filter(s -> s.epochMs() >= fromMs && s.epochMs() <= toMs
        && (index == null || index.equals(s.index()))).toList();
    if (in.isEmpty()) {
      return null;
    }
    long mask = in.stream().filter(s -> s.reasons() != null).mapToLong(Sample::reasons).reduce(0L, (a, b) -> a | b);
    List<String> reasons = reasonNames(mask);
    DoubleSummaryStatistics sm = stats(in, Sample::smMhz);
    DoubleSummaryStatistics mem = stats(in, Sample::memMhz);
    DoubleSummaryStatistics power = stats(in, Sample::powerW);
    DoubleSummaryStatistics temp = stats(in, Sample::temperatureC);
    DoubleSummaryStatistics smMax = stats(in, Sample::smMaxMhz);
    DoubleSummaryStatistics limitW = stats(in, Sample::powerLimitW);
    PeakConditions c = PeakConditionsBuilder.builder().samples(in.size()).smMhzMin(min(sm)).smMhzMax(max(sm))
        .smMhzMaxClock(max(smMax)).memMhzMin(min(mem)).memMhzMax(max(mem)).powerWMin(min(power))
        .powerWMax(max(power)).powerLimitW(max(limitW)).temperatureCMax(max(temp)).reasons(reasons).build();
    return c.withLimit(ClockLimits.describe(c, in.size(), count(in, "sw_power_cap")));
  }

  private static int count(List<Sample> in, String reason) {
    long bit = 1L << REASONS.indexOf(reason);
    return (int) in.stream().filter(s -> s.reasons() != null && (s.reasons() & bit) != 0).count();
  }

  private static DoubleSummaryStatistics stats(List<Sample> in, java.util.function.Function<Sample, Double> f) {
    ToDoubleFunction<Sample> value = s -> f.apply(s);
    return in.stream().filter(s -> f.apply(s) != null).mapToDouble(value).summaryStatistics();
  }

  private static Double min(DoubleSummaryStatistics s) {
    return s.getCount() == 0 ? null : s.getMin();
  }

  private static Double max(DoubleSummaryStatistics s) {
    return s.getCount() == 0 ? null : s.getMax();
  }

  private static String cell(List<String> cells, List<String> header, String... names) {
    for (String n : names) {
      int i = header.indexOf(n);
      if (i >= 0) {
        return cells.get(i).trim();
      }
    }
    return null;
  }

  private static Long hex(String v) {
    String t = NvidiaValues.text(v);
    if (t == null || !t.toLowerCase(Locale.ROOT).startsWith("0x")) {
      return null;
    }
    return Long.parseUnsignedLong(t.substring(2), 16);
  }
}
