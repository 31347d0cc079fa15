package dev.envdoctor.worker;

import dev.envdoctor.protocol.GateLines;
import dev.envdoctor.protocol.WorkerRequest;
import dev.envdoctor.protocol.WorkerEvents;
import dev.envdoctor.protocol.BurstLine;
import dev.envdoctor.calibrate.BurstPlan;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.calibrate.contention.CpuAllowanceReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The worker's part of the interleaved bursts: after its calibrations it stays at the gate with
 * the verdict's workload ready on its fastest device, times one burst per {@code go}, and
 * reports each at the gate (a {@link BurstLine}) until the parent answers {@code end} or closes
 * stdin.
 */
final class Bursts {

  private Bursts() {}

  /** cnn where calibrated (the verdict's workload), else the first workload; its fastest verified device. */
  static Calibration pick(List<Calibration> calibrations) {
    List<Calibration> ok = calibrations.stream().filter(c -> c.diagnosis() == null && c.medianMs() != null).toList();
    String workload = ok.stream().anyMatch(c -> "cnn".equals(c.workload())) ? "cnn"
        : ok.stream().map(Calibration::workload).findFirst().orElse(null);
    return ok.stream().filter(c -> c.workload().equals(workload)).min(Comparator.comparingDouble(Calibration::medianMs))
        .orElse(null);
  }

  /** True once it has reported at the gate as a bursting side (the parent then gives it turns of bursts and, after them, one more). */
  static boolean run(List<Calibration> calibrations, WorkerRequest req, BufferedReader stdin, Consumer<String> emit,
      Map<String, String> env) {
    Calibration best = pick(calibrations);
    if (best == null) {
      return false;
    }
    boolean reported = false;
    try (BurstSession s = new BurstSession(Workloads.of(best.workload()), best.device(), Worker.djlDevice(best.device()), req)) {
      s.warmup();
      List<Double> steps = best.stepTimesMs();
      boolean first = true;
      while (true) {
        long[] thr = CpuAllowanceReader.throttling(Path.of("/"));
        BurstLine line = new BurstLine(best.device(), best.workload(), steps, cpuMs(), thr == null ? null : thr[0],
            thr == null ? null : thr[1] / 1e6, first ? CpuAllowanceReader.read(Path.of("/"), env) : null,
            first ? hostName() : null);
        emit.accept(GateLines.SIGNAL + " " + WorkerEvents.json(line));
        first = false;
        reported = true;
        String answer = stdin.readLine();
        if (answer == null || !answer.strip().equals(GateLines.GO)) {
          return true;
        }
        // a quota's side times long bursts: one that idles while the others burst starts each turn
        // on a fresh period's quota, and short bursts then showed half a CPU's stalls at half their cost
        double seconds = thr != null && thr[0] > 0 ? Math.max(req.bursts(), BurstPlan.THROTTLED_SECONDS) : req.bursts();
        steps = s.burst(seconds, BurstPlan.MIN_STEPS, Math.max(BurstPlan.MIN_STEPS, req.steps()));
      }
    } catch (IOException | RuntimeException e) {
      // no more bursts: the calibrations already done stand, the parent sees this side finish
    }
    return reported;
  }

  static Double cpuMs() {
    return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(null);
  }

  /** The kernel's host name: in a container its short id, which its processes' cgroups on the host carry. */
  static String hostName() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
