package dev.envdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.run.ExitCode;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.testing.CliHarness;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped profiles evaluated on test reports through the real CLI (--from: pure, nothing probed). */
class ShippedProfilesTest {

  static final String DIR = "src/test/resources/checks/";

  record Run(int exitCode, Map<String, JsonNode> checks, JsonNode summary) {
    String status(String id) {
      JsonNode c = checks.get(id);
      return c == null ? "absent" : c.get("status").asText();
    }

    String message(String id) {
      return checks.get(id).get("message").asText();
    }
  }

  static Run run(String profile, String report, String... more) throws Exception {
    String[] args = new String[5 + more.length];
    args[0] = "check";
    args[1] = "--profile";
    args[2] = profile;
    args[3] = "--from";
    args[4] = report.startsWith("/") ? report : DIR + report;
    System.arraycopy(more, 0, args, 5, more.length);
    String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
    withJson[args.length] = "--json";
    var r = new CliHarness().run(withJson);
    // stderr under --json: the reasons for the exit code and the sides not measured, one line each, nothing else
    boolean strict = java.util.Arrays.asList(more).contains("--strict");
    assertEquals(dev.envdoctor.report.ExitReasons.of(ReportJson.read(r.out()), strict).stream().map(l -> "envdoctor: " + l).toList(),
        r.err().lines().toList());
    JsonNode root = ReportJson.mapper().readTree(r.out());
    Map<String, JsonNode> checks = new LinkedHashMap<>();
    root.get("checks").forEach(c -> checks.put(c.get("id").asText(), c));
    return new Run(r.exitCode(), checks, root.get("summary"));
  }

  @Test
  void defaultOnALinuxCpuMachinePassesAndSkipsWhatDoesNotApply() throws Exception {
    Run r = run("default", "linux-cpu-docker.json");
    assertEquals(ExitCode.OK, r.exitCode());
    for (String id : new String[] {"memory-total", "memory-available", "disk-free", "cpu-computes", "container-engine-reachable"}) {
      assertEquals("pass", r.status(id), id);
    }
    assertEquals("skip", r.status("nvidia-gpu-computes"));
    assertEquals("skipped: applies when host.gpus[vendor=*nvidia*] exists, and there is none", r.message("nvidia-gpu-computes"));
    assertEquals("skipped: applies to macos, and this is linux", r.message("jvm-not-rosetta"));
    assertEquals("host.memory.totalBytes is 24 GiB", r.message("memory-total"));
    assertEquals("max(host.disks.freeBytes) is 50 GiB", r.message("disk-free"));
    assertEquals("warn", r.status("python-torch-blas"), "Debian's torch on the reference BLAS");
    assertEquals("python.torch.blas.reference is true, expected false", r.message("python-torch-blas"));
    assertEquals(6, r.summary().get("passed").asInt(), "with the named Python env that works");
    assertEquals(1, r.summary().get("warned").asInt());
    assertEquals(8, r.summary().get("skipped").asInt(), "with the two interconnect checks (no --full run), PATH's python3 check and"
        + " the thread check (a recorded report of no thread trial)");
  }

  @Test
  void appleSiliconOnAMacWithDockerDesktopWarnsAboutTheVmAndBattery() throws Exception {
    Run r = run("apple-silicon", "mac-m2-docker-desktop.json");
    assertEquals(ExitCode.OK, r.exitCode(), "warnings alone exit 0");
    for (String id : new String[] {"jvm-arm64", "python-arm64", "macos-for-mps", "apple-gpu-computes", "python-mps-available",
        "jvm-not-rosetta", "python-not-rosetta", "no-low-power-mode", "container-engine-reachable"}) {
      assertEquals("pass", r.status(id), id);
    }
    assertEquals("warn", r.status("on-ac-power"));
    assertEquals("warn", r.status("docker-vm-cpus"));
    assertEquals("runtimes[name=docker,status=ok].cpus is 2, expected >= 4", r.message("docker-vm-cpus"));
    assertEquals("runtimes[name=docker,status=ok].memoryBytes is 3.83 GiB, expected >= 6GiB", r.message("docker-vm-memory"));
    assertEquals("Plug the Mac in before a long training run.", r.checks().get("on-ac-power").get("fix").asText());
    assertEquals("skipped: applies when python.torch.version >= 2.8, and python.torch.version is 2.7.1",
        r.message("macos-for-current-pytorch"));
    assertEquals("skip", r.status("nvidia-gpu-computes"));
    assertEquals("MPS computes natively (forward and backward match the CPU)", r.checks().get("apple-gpu-computes").get("title").asText(),
        "apple-silicon replaces default's check of the same id");
    assertEquals(ExitCode.CHECK_FAILED, run("apple-silicon", "mac-m2-docker-desktop.json", "--strict").exitCode());
  }

  @Test
  void nvidiaLinuxOnAnH100WithTheToolkitPasses() throws Exception {
    Run r = run("nvidia-linux", "linux-h100-toolkit.json");
    assertEquals(ExitCode.OK, r.exitCode());
    for (String id : new String[] {"nvidia-gpu-present", "nvidia-driver", "nvidia-cuda", "torch-cuda-build", "gpu-computes-natively",
        "container-gpu-access", "gpu-computes-in-container", "nvidia-gpu-computes"}) {
      assertEquals("pass", r.status(id), id);
    }
    assertEquals("host.gpus[vendor=*nvidia*].driverVersion is 580.65.06", r.message("nvidia-driver"));
    assertEquals(0, r.summary().get("failed").asInt());
  }

  @Test
  void nvidiaLinuxOnTheCpuMachineFailsForTheMissingGpu() throws Exception {
    Run r = run("nvidia-linux", "linux-cpu-docker.json");
    assertEquals(ExitCode.CHECK_FAILED, r.exitCode());
    assertEquals("fail", r.status("nvidia-gpu-present"));
    assertEquals("count(host.gpus[vendor=*nvidia*]) is 0, expected >= 1", r.message("nvidia-gpu-present"));
    assertEquals("skip", r.status("gpu-computes-in-container"));
  }

  @Test
  void appleSiliconOnLinuxSkipsEveryMacCheckWithItsReason() throws Exception {
    Run r = run("apple-silicon", "linux-h100-toolkit.json");
    assertEquals("skip", r.status("macos-for-mps"));
    assertEquals("skipped: applies to macos, and this is linux", r.message("macos-for-mps"));
  }

  @Test
  void workloadProfileIncludesDefaultAndCarriesItsWorkload() throws Exception {
    Run r = run("yolov8m-69k", "linux-cpu-docker.json");
    assertTrue(r.checks().containsKey("memory-total"), "default is included");
    assertEquals("warn", r.status("accelerator-for-yolov8m"));
    assertEquals("skip", r.status("projected-hours"));
    var p = CheckStage.load(java.nio.file.Path.of(""), "yolov8m-69k");
    assertEquals(new dev.envdoctor.model.Recommendation.Workload("yolov8m-69k", 50, 69000L, 640, 16, "yolov8m", null, null, null), p.workload());
  }

  @Test
  void consoleViewGroupsByStatusWithFixesAndReasons() {
    var r = new CliHarness().run("check", "--profile", "apple-silicon", "--from", DIR + "mac-m2-docker-desktop.json", "--no-color");
    String out = r.out();
    assertTrue(out.startsWith("Checks (profile apple-silicon)\n"), out);
    assertTrue(out.contains("Warnings (3)\n[!] The Docker VM gets enough CPUs [docker-vm-cpus]\n"), out);
    assertTrue(out.contains("[!] On AC power (macOS throttles the GPU on battery) [on-ac-power]\n"
        + "    ! host.power.onBattery is true, expected false\n"
        + "    fix: Plug the Mac in before a long training run.\n"), out);
    assertTrue(out.contains("[-] The NVIDIA GPU computes [nvidia-gpu-computes] — applies when host.gpus[vendor=*nvidia*] exists, and there is none\n"), out);
    assertTrue(out.contains("[✓] macOS new enough for MPS (13.0 for PyTorch 2.7) [macos-for-mps]\n    host.os.version is 14.6.1\n"), out);
    assertTrue(out.endsWith("15 passed, 3 warnings, 0 failed, 6 skipped, 0 errors\n"), out);
  }

  @Test
  void verboseAddsExpectedAndActualUnderFailures() {
    var r = new CliHarness().run("check", "--profile", "apple-silicon", "--from", DIR + "mac-m2-docker-desktop.json", "--no-color", "-v");
    assertTrue(r.out().contains("    ! host.power.onBattery is true, expected false\n"
        + "    expected: host.power.onBattery false\n"
        + "    actual:   host.power.onBattery = true\n"
        + "    fix: Plug the Mac in before a long training run.\n"), r.out());
  }

  @Test
  void unknownPlatformSkipsWithTheReason() throws Exception {
    var r = new CliHarness().run("check", "--profile", "apple-silicon", "--from", "src/test/resources/checks/no-host.json", "--json");
    JsonNode root = ReportJson.mapper().readTree(r.out());
    for (JsonNode c : root.get("checks")) {
      if (c.get("id").asText().equals("macos-for-mps")) {
        assertEquals("skipped: applies to macos, and the OS is not known", c.get("message").asText());
        return;
      }
    }
    throw new AssertionError("no macos-for-mps: " + r.out());
  }
}
