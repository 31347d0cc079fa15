package dev.envdoctor.recommend;

import dev.envdoctor.calibrate.stats.RatioEstimate;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
import java.util.List;
import java.util.Objects;

/**
 * Two sides compared: which calibration of each stands for it, and how many times faster a is
 * than b. Where both sides' best devices are of one kind (both CPU, or both the same GPU kind),
 * the side effect alone is wanted (a VM, a CPU share, a GPU passthrough), so they are compared
 * on one backend both have, python first: a slow Python env natively against DJL in a container
 * would otherwise blame the side for the stack. Where the devices differ (MPS natively, CPU in a
 * container) the device is the difference, and each side's training figure (python first) is used.
 *
 * @param a       the calibration standing for side a
 * @param b       the calibration standing for side b
 * @param aOverB  how many times faster a is than b, with its interval
 */
public record Comparison(Side sideA, Side sideB, Calibration a, Calibration b, RatioEstimate aOverB) {

  static final List<Backend> BACKEND_ORDER = List.of(Backend.PYTHON, Backend.DJL);

  public static Comparison of(Side sa, Side sb) {
    Calibration a = sa.figure();
    Calibration b = sb.figure();
    if (deviceKind(sa.best().device()).equals(deviceKind(sb.best().device()))) {
      String kind = deviceKind(sa.best().device());
      for (Backend backend : BACKEND_ORDER) {
        Calibration ca = sa.bestOn(backend, kind);
        Calibration cb = sb.bestOn(backend, kind);
        if (ca != null && cb != null) {
          a = ca;
          b = cb;
          break;
        }
      }
    }
    return new Comparison(sa, sb, a, b, Sides.speedup(a, b));
  }

  public Comparison swapped() {
    return new Comparison(sideB, sideA, b, a, aOverB.inverse());
  }

  public boolean sameBackend() {
    return Objects.equals(a.backend(), b.backend());
  }

  /** cpu, mps, cuda (cuda:0 and cuda:1 are one kind). */
  static String deviceKind(String device) {
    if (device == null) {
      return "cpu";
    }
    int colon = device.indexOf(':');
    return colon < 0 ? device : device.substring(0, colon);
  }
}
