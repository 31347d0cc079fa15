package dev.envdoctor.recommend;

import java.util.Objects;

/**
 * Which stack the verdict compared the sides on, and the user's: the Python env they train with,
 * where it was timed natively. When the container side never ran that Python stack the verdict is
 * about another stack (DJL), and says so with how to compare theirs. Pure.
 *
 * @param compared the backend both compared calibrations share, or null when they differ
 * @param user python when the native side timed the user's Python env, else null
 * @param userCompared whether the container side timed it too (null when user is)
 * @param note the sentence for the verdict's reasons, or null when there is nothing to say
 */
record Stacks(String compared, String user, Boolean userCompared, String note) {

  static Stacks of(Side nativeSide, Side box, Comparison c) {
    String compared = c.sameBackend() ? c.a().backend() : null;
    boolean python = nativeSide.options().stream().anyMatch(o -> Sides.PYTHON.equals(o.backend()));
    if (!python) {
      return new Stacks(compared, null, null, null);
    }
    boolean inBox = box.options().stream().anyMatch(o -> Sides.PYTHON.equals(o.backend()));
    String note = inBox || Objects.equals(compared, Sides.PYTHON) ? null
        : "compared on " + (compared == null ? c.b().backend() : compared) + ", not your stack: your Python torch was "
            + "timed natively only, not in " + box.runtime() + "; to compare it there, rerun with `--container-python "
            + "IMAGE` (an image with your torch) or time your own training command with `envdoctor race --image IMAGE -- "
            + "python train.py`";
    return new Stacks(compared, Sides.PYTHON, inBox, note);
  }
}
