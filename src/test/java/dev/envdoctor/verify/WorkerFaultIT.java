package dev.envdoctor.verify;

import dev.envdoctor.sides.SideCall;
import dev.envdoctor.sides.SidePlan;
import dev.envdoctor.sides.SideRunner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.protocol.WorkerOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real JVM worker from the packaged jar dies on purpose in each way a native crash, a hang or
 * an OOM kills it; the parent must answer with that death's own diagnosis, within the timeout, and
 * leave no process behind.
 */
class WorkerFaultIT {

  @TempDir
  Path tmp;

  @ParameterizedTest(name = "--fault {0}")
  @CsvSource(delimiter = '|', value = {
    "segv    | 60 | crashed with SIGSEGV",
    "abort   | 60 | aborted (SIGABRT)",
    "hang    | 4  | no answer within 4 s",
    "oom     | 60 | Java heap is exhausted",
    "garbage | 60 | its output began: Segmentation fault? No: this is not JSON",
    "exit    | 60 | exited with code 42",
  })
  void eachFaultIsContainedAndDiagnosed(String fault, int timeoutSeconds, String expected) throws Exception {
    String marker = "-Denvdoctor.test.marker=" + UUID.randomUUID();
    SelfLauncher launcher = new SelfLauncher(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        SelfLauncher.WORKER_FLAGS, System.getProperty("envdoctor.jar"))
        .withFlags(List.of(marker, "-Xmx48m", "-XX:ErrorFile=" + tmp.resolve("hs_err_pid%p.log")));
    long t0 = System.nanoTime();
    List<String> argv = new java.util.ArrayList<>(launcher.prefix());
    argv.addAll(List.of("--device", "cpu", "--fault", fault));
    WorkerOutput out = new SideRunner(new ProcessRunner()).run(SideCall.of(argv, Duration.ofSeconds(timeoutSeconds), "native",
        dev.envdoctor.model.Backend.DJL, SidePlan.VERIFY)).out();
    double seconds = (System.nanoTime() - t0) / 1e9;

    assertTrue(seconds < timeoutSeconds + 10, "took " + seconds + " s");
    DeviceResult d = out.devices().get(0);
    assertEquals("cpu", d.device());
    assertEquals("native", d.runtime());
    assertFalse(d.verified());
    assertTrue(d.diagnosis().contains(expected), d.diagnosis());
    assertTrue(d.fix() != null && !d.fix().isBlank());
    assertTrue(out.engine().diagnosis() != null, "the engine entry carries the diagnosis too");
    assertTrue(survivors(marker).isEmpty(), "left running: " + survivors(marker));
  }

  /** Processes whose command line carries this test's marker (none may outlive the client). */
  static List<String> survivors(String marker) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String cmd = new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ');
          String state = Files.readString(p.resolve("stat")).replaceFirst(".*\\) ", "");
          if (cmd.contains(marker) && !state.startsWith("Z")) {
            found.add(p.getFileName() + ": " + cmd);
          }
        } catch (IOException e) {
          // the process ended while we looked
        }
      }
    }
    return found;
  }
}
