package dev.envdoctor.calibrate.contention;

import dev.envdoctor.calibrate.contention.CpuAllowanceReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.envdoctor.model.CpuAllowance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuAllowanceReaderTest {

  private static final Path DIR = Path.of("src/test/resources/recorded/linux/cpu-allowance");

  @Test
  void anUnlimitedVmProcessMayUseEveryCpu() {
    CpuAllowance a = CpuAllowanceReader.read(DIR.resolve("vm-unlimited"), Map.of());
    assertEquals(2, a.onlineCpus());
    assertEquals(2, a.affinityCpus());
    assertEquals("0-1", a.affinityList());
    assertNull(a.quotaCpus());
    assertEquals("v1", a.cgroup());
    assertNull(a.limitedBy());
    assertEquals(2.0, a.effectiveCpus());
  }

  @Test
  void aCgroupQuotaOfHalfACpuIsFoundUnderTheProcessesCgroupPath() throws Exception {
    CpuAllowance a = CpuAllowanceReader.read(DIR.resolve("vm-cgroup-half"), Map.of());
    assertEquals(0.5, a.quotaCpus());
    assertEquals("cgroup quota", a.limitedBy());
    assertEquals(0.5, a.effectiveCpus());
    String stat = Files.readString(DIR.resolve("vm-cgroup-half/sys/fs/cgroup/cpu/envdoctor-t15/cpu.stat"));
    long throttled = Long.parseLong(stat.lines().filter(l -> l.startsWith("nr_throttled ")).findFirst().orElseThrow().split(" ")[1]);
    assertEquals(throttled, a.nrThrottled(), "the cgroup's own cpu.stat, not the root's");
    assertEquals(24L, throttled, "the recording: throttled while envdoctor probe ran in it");
  }

  @Test
  void insideADockerContainerTheContainersOwnLimitsAreRead() {
    CpuAllowance a = CpuAllowanceReader.read(DIR.resolve("docker-cpus0.5-cpuset0"), Map.of());
    assertEquals(0.5, a.quotaCpus(), "--cpus 0.5");
    assertEquals(1, a.affinityCpus(), "--cpuset-cpus 0");
    assertEquals("0", a.cpuset());
    assertEquals("cgroup quota", a.limitedBy());
  }

  @Test
  void podmanCpusOneAndAHalf() {
    CpuAllowance a = CpuAllowanceReader.read(DIR.resolve("podman-cpus1.5"), Map.of());
    assertEquals(1.5, a.quotaCpus());
    assertEquals(1.5, a.effectiveCpus());
  }

  @Test
  void aSlurmAllocationLimitsToo() {
    CpuAllowance a = CpuAllowanceReader.read(DIR.resolve("vm-unlimited"), Map.of("SLURM_JOB_CPUS_PER_NODE", "1(x2)"));
    assertEquals(1, a.slurmCpus());
    assertEquals("Slurm allocation", a.limitedBy());
  }

  @Test
  void cpuListsCount() {
    assertEquals(5, CpuAllowanceReader.count("0-1,4,6-7"));
    assertEquals(1, CpuAllowanceReader.count("0"));
    assertNull(CpuAllowanceReader.count(""));
    assertNull(CpuAllowanceReader.count("x-y"));
  }

  /** Constructed (no cgroup v2 machine was at hand, see SOURCES.md): the v2 files' formats per the kernel's cgroup-v2 documentation. */
  @Test
  void constructedCgroupV2TreeWithCpuMax(@TempDir Path root) throws Exception {
    write(root, "proc/self/cgroup", "0::/job/step\n");
    write(root, "proc/self/status", "Name:\tcat\nCpus_allowed_list:\t0-15\n");
    write(root, "sys/devices/system/cpu/online", "0-15\n");
    write(root, "sys/fs/cgroup/cgroup.controllers", "cpuset cpu io memory pids\n");
    write(root, "sys/fs/cgroup/job/cpu.max", "400000 100000\n");
    write(root, "sys/fs/cgroup/job/step/cpu.max", "max 100000\n");
    write(root, "sys/fs/cgroup/job/step/cpu.stat", "usage_usec 10\nnr_periods 7\nnr_throttled 41\nthrottled_usec 2500\n");
    write(root, "sys/fs/cgroup/job/step/cpuset.cpus.effective", "0-7\n");
    CpuAllowance a = CpuAllowanceReader.read(root, Map.of());
    assertEquals("v2", a.cgroup());
    assertEquals(4.0, a.quotaCpus(), "the parent's quota limits the child");
    assertEquals("0-7", a.cpuset());
    assertEquals(41L, a.nrThrottled());
    assertEquals(2.5, a.throttledMs());
  }

  private static void write(Path root, String rel, String text) throws Exception {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
