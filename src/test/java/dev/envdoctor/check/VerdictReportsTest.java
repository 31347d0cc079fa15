package dev.envdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envdoctor.run.ExitCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: the verdict issue's report fixtures (src/test/resources/reports, constructed as its
 * SOURCES.md says) evaluate as expected under apple-silicon and nvidia-linux.
 */
class VerdictReportsTest {

  static ShippedProfilesTest.Run run(String profile, String report) throws Exception {
    return ShippedProfilesTest.run(profile, "../reports/" + report + ".json");
  }

  @Test
  void appleSiliconPassesOnTheM4WithDockerDesktop() throws Exception {
    var r = run("apple-silicon", "mac-m4-docker-desktop");
    assertEquals(ExitCode.OK, r.exitCode());
    assertEquals(19, r.summary().get("passed").asInt(), "with the named Python env that works");
    assertEquals("pass", r.status("python-torch-blas"), "the macOS wheel uses Accelerate");
    assertEquals(0, r.summary().get("failed").asInt() + r.summary().get("warned").asInt());
    assertEquals("host.os.version is 15.6.1", r.message("macos-for-current-pytorch"), "torch 2.9.1 needs macOS 14");
    assertEquals("any(devices[runtime=native,device=mps].verified) is [true, true]", r.message("apple-gpu-computes"));
    assertEquals("skip", r.status("nvidia-gpu-computes"));
  }

  @Test
  void appleSiliconFailsTheRosettaJvm() throws Exception {
    var r = run("apple-silicon", "mac-rosetta-jvm");
    assertEquals(ExitCode.CHECK_FAILED, r.exitCode());
    assertEquals("jvm.translated is true, expected false", r.message("jvm-not-rosetta"));
    assertEquals("jvm.arch is x86_64, expected one of [aarch64, arm64]", r.message("jvm-arm64"));
    assertEquals("warn", r.status("on-ac-power"));
    // MPS still computes natively through the arm64 Python env, though DJL's MPS fails under Rosetta
    assertEquals("pass", r.status("apple-gpu-computes"));
    assertEquals("skipped: applies when python.torch.version >= 2.8, and python.torch.version is 2.5.1",
        r.message("macos-for-current-pytorch"));
    assertEquals(List.of(2, 1), List.of(r.summary().get("failed").asInt(), r.summary().get("warned").asInt()));
  }

  @Test
  void nvidiaLinuxPassesOnTheH100WithTheToolkit() throws Exception {
    var r = run("nvidia-linux", "linux-nvidia-toolkit");
    assertEquals(ExitCode.OK, r.exitCode());
    for (String id : List.of("nvidia-gpu-present", "nvidia-driver", "nvidia-cuda", "torch-cuda-build", "gpu-computes-natively",
        "container-gpu-access", "gpu-computes-in-container")) {
      assertEquals("pass", r.status(id), id);
    }
    assertEquals("any(runtimes[name!=native,status=ok].gpuAccess) is nvidia-runtime", r.message("container-gpu-access"));
    assertEquals(16, r.summary().get("passed").asInt(), "14, gpu-persistence-mode and the named Python env; the health checks skip: this report has no health facts");
  }

  @Test
  void nvidiaLinuxFailsWhereThereIsNoGpuAndSaysWhyTheRestIsSkipped() throws Exception {
    var r = run("nvidia-linux", "linux-cpu-only");
    assertEquals(ExitCode.CHECK_FAILED, r.exitCode());
    assertEquals("count(host.gpus[vendor=*nvidia*]) is 0, expected >= 1", r.message("nvidia-gpu-present"));
    assertEquals("skipped: applies when host.gpus[vendor=*nvidia*] exists, and there is none", r.message("gpu-computes-in-container"));
  }

  @Test
  void defaultSkipsTheEngineCheckWhereNoneIsInstalled() throws Exception {
    var r = run("default", "linux-no-runtime");
    assertEquals("skip", r.status("container-engine-reachable"));
    assertEquals("skipped: applies when runtimes[name!=native,status!=not-installed] exists, and there is none",
        r.message("container-engine-reachable"));
  }
}
