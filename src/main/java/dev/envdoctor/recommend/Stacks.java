package dev.envdoctor.recommend;

import dev.envdoctor.model.Backend;

/**
 * Which stack the verdict compared the sides on, and the user's: the Python env they train with,
 * where it was timed natively. When the container side never ran that Python stack the verdict is
 * about another stack (DJL), and says so with how to compare theirs. Pure.
 *
 * @param compared the backend both compared calibrations share, or null when they differ
 * @param user python when the native side timed the user's Python env, else null
 * @param userCompared whether the container side timed it too (null when user is)
 * @param note the cause for the verdict's reasons, or null when there is nothing to say
 */
public record Stacks(Backend compared, Backend user, Boolean userCompared, Cause.OtherStack note) {

  static Stacks of(Side nativeSide, Side box, Comparison c) {
    Backend compared = c.sameBackend() ? c.a().backend() : null;
    boolean python = nativeSide.options().stream().anyMatch(o -> o.backend() == Backend.PYTHON);
    if (!python) {
      return new Stacks(compared, null, null, null);
    }
    boolean inBox = box.options().stream().anyMatch(o -> o.backend() == Backend.PYTHON);
    Cause.OtherStack note = inBox || compared == Backend.PYTHON ? null
        : new Cause.OtherStack(compared == null ? c.b().backend() : compared, box.runtime());
    return new Stacks(compared, Backend.PYTHON, inBox, note);
  }
}
