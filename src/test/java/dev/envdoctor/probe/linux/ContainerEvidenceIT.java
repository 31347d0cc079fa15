package dev.envdoctor.probe.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.model.Virtualization;
import dev.envdoctor.probe.Recorded;
import dev.envdoctor.probe.Tool;
import dev.envdoctor.testing.RequiresDocker;
import dev.envdoctor.testing.ThisMachine;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inside real containers: their /proc files, marker files and environment, read by the container
 * itself, replayed through the Linux platform's reading and decision. The probe's JVM cannot run
 * in the offline base image, but what it would read can.
 */
class ContainerEvidenceIT {

  private static final String IMAGE = "local/debian:bookworm";
  private static final String DUMP = "cat /proc/1/cgroup; echo '=====';"
      + " cat /proc/self/mountinfo; echo '=====';"
      + " if test -e /.dockerenv; then echo yes; fi; echo '=====';"
      + " if test -e /run/.containerenv; then cat /run/.containerenv; echo present; fi; echo '=====';"
      + " printf '%s' \"$container\"; echo '=====';"
      + " LC_ALL=C lscpu 2>/dev/null";

  private static String[] sections(String engine, String... runArgs) {
    List<String> argv = new java.util.ArrayList<>(List.of(engine, "run", "--rm"));
    argv.addAll(List.of(runArgs));
    argv.addAll(List.of(IMAGE, "sh", "-c", DUMP));
    CommandResult r = new ProcessRunner().run(CommandSpec.of(Duration.ofSeconds(120), argv));
    assertTrue(r.ok(), r.describe() + "\n" + r.stderr());
    return (r.stdout() + "\n").split("=====\n", -1);
  }

  /** The container's files laid out under a root, as the platform reads them on a real machine. */
  private static Virtualization replay(Path root, String[] s) throws IOException {
    LinuxPlatformTest.write(root, "proc/1/cgroup", s[0]);
    LinuxPlatformTest.write(root, "proc/self/mountinfo", s[1]);
    if (s[2].trim().equals("yes")) {
      LinuxPlatformTest.write(root, ".dockerenv", "");
    }
    if (s[3].contains("present")) {
      LinuxPlatformTest.write(root, "run/.containerenv", s[3].replace("present", ""));
    }
    String env = s[4].trim();
    // lscpu inside the container reads the same CPUID as on the host: the VM shows through
    Recorded lscpu = new Recorded().answer(CommandResult.Status.OK, 0, s[5], "lscpu");
    return LinuxPlatform.create(new Tool(lscpu), env.isEmpty() ? Map.of() : Map.of("container", env), root)
        .virtualization().read();
  }

  @Test
  @RequiresDocker("docker")
  void dockerContainerIsSeenAsDocker(@TempDir Path root) throws IOException {
    Virtualization v = replay(root, sections("docker", "--name", "envdoctor-probe-it-" + ProcessHandle.current().pid()));
    assertEquals("docker", v.container());
    ThisMachine.assertVmAgrees(v.vm());
  }

  @Test
  @RequiresDocker("podman")
  void podmanContainerIsSeenAsPodman(@TempDir Path root) throws IOException {
    Virtualization v = replay(root, sections("podman", "--name", "envdoctor-probe-it-" + ProcessHandle.current().pid()));
    assertEquals("podman", v.container());
    ThisMachine.assertVmAgrees(v.vm());
  }
}
