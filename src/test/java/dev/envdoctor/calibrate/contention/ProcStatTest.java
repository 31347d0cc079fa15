package dev.envdoctor.calibrate.contention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcStatTest {

  private static final Path DIR = Path.of("src/test/resources/recorded/linux/proc-stat");

  @Test
  void theMachineLineSumsBusyTimeAndKeepsStealApart() throws Exception {
    String text = Files.readString(DIR.resolve("vm-2cpu-stat.txt"));
    String[] f = text.lines().findFirst().orElseThrow().split("\\s+");
    ProcStat.Machine m = ProcStat.machine(text);
    // independent account from the same recording: user nice system irq softirq; steal is the 8th number
    long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6]) + Long.parseLong(f[7]);
    assertEquals(busy, m.busy());
    assertEquals(Long.parseLong(f[8]), m.steal());
    assertEquals(text.lines().filter(l -> l.matches("cpu\\d+ .*")).count(), m.cpus());
    assertNull(ProcStat.machine(null));
  }

  @Test
  void aProcessLineGivesItsNameAndUserPlusSystemTicks() throws Exception {
    List<String> lines = Files.readAllLines(DIR.resolve("vm-processes-stat.txt"));
    ProcStat.Proc dockerd = ProcStat.process(lines.get(0));
    assertEquals("dockerd", dockerd.name());
    String[] f = lines.get(0).split(" ");
    assertEquals(Long.parseLong(f[13]) + Long.parseLong(f[14]), dockerd.ticks());
    ProcStat.Proc odd = ProcStat.process(lines.get(lines.size() - 1));
    assertEquals("odd (name) x", odd.name(), "spaces and parentheses in the name");
    assertNull(ProcStat.process("garbage"));
  }

  @Test
  void theTopOthersLeaveOutEnvdoctorsOwnAndTheIdle() {
    Map<Long, ProcStat.Proc> before = Map.of(1L, new ProcStat.Proc("java", 100), 2L, new ProcStat.Proc("stress", 0),
        3L, new ProcStat.Proc("sshd", 10));
    Map<Long, ProcStat.Proc> after = Map.of(1L, new ProcStat.Proc("java", 300), 2L, new ProcStat.Proc("stress", 180),
        3L, new ProcStat.Proc("sshd", 11), 4L, new ProcStat.Proc("cc1", 40));
    // 2 seconds: stress 0.9 CPU, cc1 0.2; java is ours; sshd used under a twentieth of a CPU
    assertEquals(List.of("stress (0.9 CPU)", "cc1 (0.2 CPU)"), ProcStat.others(before, after, Set.of(1L), 2.0, 3).top());
  }

  @Test
  void othersCpusCountOnlyProcessesOutsideMineAndNewOnesFromZero() {
    var before = Map.of(1L, new ProcStat.Proc("a", 100), 2L, new ProcStat.Proc("mine", 50));
    // a: 150 ticks more; mine: left out; b: new, 50 ticks; a process gone by then counts nothing
    var after = Map.of(1L, new ProcStat.Proc("a", 250), 2L, new ProcStat.Proc("mine", 450), 3L, new ProcStat.Proc("b", 50));
    assertEquals((150 + 50) / 100.0 / 2, ProcStat.others(before, after, Set.of(2L), 2, 3).cpus(), 1e-12);
    assertEquals(0, ProcStat.others(before, after, Set.of(2L), 0, 3).cpus(), 1e-12);
    // the total and the top come from one pass: a and b, by name, busiest first
    assertEquals(List.of("a (0.8 CPU)", "b (0.3 CPU)"), ProcStat.others(before, after, Set.of(2L), 2, 3).top());
  }
}
