package dev.envdoctor.calibrate;

import dev.envdoctor.calibrate.stats.Decision;
import dev.envdoctor.calibrate.stats.PairedRatio;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** When the gate's bursts may stop before their plan runs out: a pure function of the bursts so far. */
final class BurstStop {

  private BurstStop() {}

  /**
   * Every pair the verdict weighs, a native side against a container side, has a decisive paired
   * interval (where no side is native, or none is a container, every pair). Docker against Podman,
   * or DJL against Python natively, may stay undecided: they do not decide where to train.
   */
  static boolean decisive(List<String> bursting, Map<String, BurstLog> logs) {
    boolean mixed = bursting.stream().anyMatch(BurstStop::isNative) && !bursting.stream().allMatch(BurstStop::isNative);
    for (int i = 0; i < bursting.size(); i++) {
      for (int j = i + 1; j < bursting.size(); j++) {
        if (mixed && isNative(bursting.get(i)) == isNative(bursting.get(j))) {
          continue;
        }
        BurstLog a = logs.get(bursting.get(i));
        BurstLog b = logs.get(bursting.get(j));
        Set<Integer> rounds = PairedRatio.rounds(a.others(), b.others());
        List<Double> ratios = PairedRatio.pairBursts(a.byRound(rounds), 1, b.byRound(rounds), 1);
        // contended pairs decide nothing: go on, the load may pass within the budget
        if (ratios.size() < 2 || PairedRatio.contended(a.others(), b.others(), rounds)
            || !Decision.of(PairedRatio.of(ratios)).decisive()) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isNative(String side) {
    return side.startsWith("native/");
  }
}
