package dev.envdoctor.calibrate.contention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** {@link CpuMeter} from /proc under a root ("/" here). */
final class LinuxCpuMeter implements CpuMeter {

  private final Path root;

  LinuxCpuMeter(Path root) {
    this.root = root;
  }

  @Override
  public Sample sample() {
    ProcStat.Machine m = ProcStat.machine(read(root.resolve("proc/stat")));
    double self = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    return new Sample(System.nanoTime(), m == null ? null : m.busy() / ProcStat.TICKS_PER_SECOND,
        m == null ? null : m.steal() / ProcStat.TICKS_PER_SECOND, self, m == null ? null : m.cpus());
  }

  @Override
  public Map<Long, ProcStat.Proc> processes() {
    Map<Long, ProcStat.Proc> all = new HashMap<>();
    try (Stream<Path> dirs = Files.list(root.resolve("proc"))) {
      dirs.filter(d -> d.getFileName().toString().matches("\\d+")).forEach(d -> {
        ProcStat.Proc p = ProcStat.process(read(d.resolve("stat")));
        if (p != null) {
          all.put(Long.parseLong(d.getFileName().toString()), p);
        }
      });
    } catch (IOException | RuntimeException e) {
      return all; // what was read so far; a process that ended meanwhile is simply not listed
    }
    return all;
  }

  @Override
  public Set<Long> mine() {
    Set<Long> mine = new HashSet<>();
    mine.add(ProcessHandle.current().pid());
    ProcessHandle.current().descendants().forEach(p -> mine.add(p.pid()));
    return mine;
  }

  @Override
  public boolean inContainer(long pid, String id) {
    String cg = read(root.resolve("proc/" + pid + "/cgroup"));
    return id != null && id.length() >= 12 && cg != null && cg.contains(id);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
