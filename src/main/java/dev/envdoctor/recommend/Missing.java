package dev.envdoctor.recommend;

import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.Confidence;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Recommendation.Workload;
import dev.envdoctor.model.RecommendationBuilder;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.model.RuntimeStatus;
import java.util.ArrayList;
import java.util.List;

/** What a verdict lacks, said exactly, with the command that supplies it. */
final class Missing {

  private Missing() {}

  /** No verdict at all: nothing usable was calibrated. */
  static Recommendation recommendation(Report r, Workload workload) {
    List<String> what = new ArrayList<>();
    String verdict;
    if (r.calibrations().isEmpty()) {
      verdict = "No verdict yet: no calibrations. Run `envdoctor calibrate` (or `envdoctor doctor`) to time "
          + "training steps natively and in each container runtime.";
      what.add("no calibrations[]");
    } else if (!r.devices().isEmpty() && r.devices().stream().noneMatch(d -> Boolean.TRUE.equals(d.verified()))) {
      verdict = "No verdict: no device computed correctly on any side. See `envdoctor verify -v` for each device's diagnosis.";
      what.add("no verified device in devices[]");
    } else {
      verdict = "No verdict: every calibration failed. See `envdoctor calibrate -v`.";
      what.add("no usable calibration: " + String.join("; ", r.calibrations().stream()
          .map(c -> c.runtime() + " " + c.device() + ": " + (c.diagnosis() == null ? "no timings" : c.diagnosis()))
          .toList()));
    }
    if (r.devices().isEmpty()) {
      what.add("no devices[] (run `envdoctor verify`)");
    }
    if (r.runtimes().isEmpty()) {
      what.add("no runtimes[] (run `envdoctor probe`)");
    } else if (Facts.containerRuntimes(r).stream().noneMatch(Facts::ok)) {
      what.add("no container runtime available (install Docker Engine or Podman)");
    }
    return RecommendationBuilder.builder().verdict(verdict).reason(String.join("; ", what)).workload(workload)
        .confidence(Confidence.NONE).build();
  }

  /**
   * The container runtimes that were not measured and why, with the fix; "" when every one was.
   * {@code only}: the one side measured, to phrase "no container runtime is installed".
   */
  static String otherSides(Report r, Side only) {
    List<String> parts = new ArrayList<>();
    List<RuntimeInfo> boxes = tried(r);
    if (boxes.isEmpty() && only != null) {
      return !leftOut(r).isEmpty() ? "you left out " + leftOut(r) + " (--runtime)"
          : r.runtimes().isEmpty() ? "no container runtime facts (run `envdoctor probe`, or `envdoctor doctor`)"
          : "no container runtime was found to compare with";
    }
    if (only != null && boxes.stream().allMatch(rt -> rt.status() == RuntimeStatus.NOT_INSTALLED)) {
      return "no container runtime is installed to compare with (install Docker Engine or Podman, then run `envdoctor doctor`)";
    }
    for (RuntimeInfo rt : boxes) {
      boolean measured = r.calibrations().stream().anyMatch(c -> rt.name().equals(c.runtime()) && Sides.usable(c, r));
      if (measured) {
        continue;
      }
      if (Facts.ok(rt)) {
        parts.add(rt.name() + " is running but has no usable calibration (" + why(r, rt.name())
            + "run `envdoctor image build`, then `envdoctor calibrate --runtime " + rt.name() + "`)");
      } else if (only != null || rt.status() != RuntimeStatus.NOT_INSTALLED) {
        parts.add(rt.name() + " is " + rt.status() + (rt.fix() == null ? "" : " (" + rt.fix() + ")"));
      }
    }
    return String.join("; ", parts);
  }

  /** Why only {@code only} was measured, from the runtimes' statuses: docker and podman are not installed. */
  static Cause.OnlyMeasured unmeasured(Report r, Side only) {
    List<Cause.OnlyMeasured.Tried> tried = tried(r).stream()
        .map(rt -> new Cause.OnlyMeasured.Tried(rt.name(), Facts.ok(rt), rt.status())).toList();
    return new Cause.OnlyMeasured(only.runtime(), tried, leftOutNames(r), !r.runtimes().isEmpty());
  }

  /** The container runtimes this run could have tried: not those --runtime left out. */
  private static List<RuntimeInfo> tried(Report r) {
    return Facts.containerRuntimes(r).stream().filter(rt -> !rt.leftOut()).toList();
  }

  /** "docker and podman": the container runtimes --runtime left out. */
  private static String leftOut(Report r) {
    return names(leftOutNames(r));
  }

  private static List<String> leftOutNames(Report r) {
    return Facts.containerRuntimes(r).stream().filter(RuntimeInfo::leftOut).map(RuntimeInfo::name).toList();
  }

  /** "docker and podman", "docker, nerdctl and podman". */
  static String names(List<String> names) {
    return names.size() <= 1 ? String.join("", names)
        : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }

  private static String why(Report r, String runtime) {
    for (DeviceResult d : r.devices()) {
      if (runtime.equals(d.runtime()) && d.diagnosis() != null) {
        return d.diagnosis() + "; ";
      }
    }
    for (Calibration c : r.calibrations()) {
      if (runtime.equals(c.runtime()) && c.diagnosis() != null) {
        return c.diagnosis() + "; ";
      }
    }
    return "";
  }
}
