package dev.envdoctor.fleet;

import java.util.Locale;

/**
 * What the fleet found about one node beyond its own report, as values; {@link #words} is the
 * reason the node's row shows. A drift makes the node warn, a slow outlier makes it fail.
 */
public sealed interface Finding {

  /** The status this finding gives the node at least. */
  NodeStatus status();

  /** A version that differs from the majority's or the baseline's. */
  record Drifted(Drift drift) implements Finding {
    @Override
    public NodeStatus status() {
      return NodeStatus.WARN;
    }
  }

  /** A figure beyond its hardware class's threshold below the reference median. */
  record Slow(FigureClass cls, FigureClass.Point point) implements Finding {
    @Override
    public NodeStatus status() {
      return NodeStatus.FAIL;
    }
  }

  /** The finding as the node's row says it. */
  static String words(Finding f) {
    if (f instanceof Drifted d) {
      Drift x = d.drift();
      return x.key() + " " + x.value() + (x.expected() == null ? " (the fleet splits evenly: no majority)"
          : " differs from the " + x.against() + "'s " + x.expected());
    }
    Slow s = (Slow) f;
    return String.format(Locale.ROOT, "slow: %s %.1f samples/s is %.0f%% below the %s median %.1f",
        s.cls().classKey(), s.point().samplesPerSecond(), 100 * s.point().shortfall(), s.cls().reference(), s.cls().median());
  }
}
