package dev.envdoctor.model;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/**
 * {@code peaks[].conditions}: what the board did while one peak test ran, from nvidia-smi sampled
 * every 250 ms (ranges over the test's samples). limit names what held the clocks ("software power
 * cap: 700 W, SM clock 1245-1440 of 1980 MHz") or says none did; reasons are the clock-event
 * reasons active in any sample (nvidia-smi's names: sw_power_cap, hw_slowdown, ...).
 */
@RecordBuilder
public record PeakConditions(
    int samples,
    Double smMhzMin,
    Double smMhzMax,
    Double smMhzMaxClock,
    Double memMhzMin,
    Double memMhzMax,
    Double powerWMin,
    Double powerWMax,
    Double powerLimitW,
    Double temperatureCMax,
    List<String> reasons,
    String limit) {

  public PeakConditions {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  public PeakConditions withLimit(String text) {
    return PeakConditionsBuilder.builder(this).limit(text).build();
  }
}
