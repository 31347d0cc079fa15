package dev.envdoctor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.StageRun;
import dev.envdoctor.model.StageStatus;
import dev.envdoctor.model.Tool;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeTest {

  private static final Report EMPTY = Report.empty(new Tool("envdoctor", "test"), "2026-11-25T00:00:00Z");

  private static DeviceResult device(String runtime, Boolean verified) {
    return DeviceResultBuilder.builder()
        .runtime(runtime)
        .backend(Backend.DJL)
        .device("cpu")
        .verified(verified)
        .diagnosis(verified ? null : "docker engine not running")
        .stderrTail(List.of())
        .build();
  }

  private static Calibration calibration(String diagnosis) {
    return new Calibration("native", Backend.DJL, "cpu", "mlp", 64, null, 3, diagnosis == null ? 30 : null,
        diagnosis == null ? 5.0 : null, null, null, null, null, null, 1e9, 1, 900.0, List.of(), diagnosis);
  }

  @Test
  void sidesThatAllVerifiedAndCalibratedExitZero() {
    Report r = EMPTY.plusDevices(List.of(device("native", true), device("docker", true)))
        .plusCalibrations(List.of(calibration(null)));
    assertEquals(ExitCode.OK, Outcome.sidesExitCode(r));
  }

  @Test
  void aDeviceThatDidNotVerifyExitsOne() {
    Report r = EMPTY.plusDevices(List.of(device("native", true), device("docker", false)));
    assertEquals(ExitCode.CHECK_FAILED, Outcome.sidesExitCode(r));
    assertEquals(ExitCode.OK, Outcome.exitCode(r, false), "doctor and check leave that to the checks");
  }

  @Test
  void aFailedCalibrationExitsOne() {
    Report r = EMPTY.plusDevices(List.of(device("native", true)))
        .plusCalibrations(List.of(calibration("the mlp step failed on cpu: out of memory")));
    assertEquals(ExitCode.CHECK_FAILED, Outcome.sidesExitCode(r));
  }

  @Test
  void aFailedStageIsTheToolsFailureFirst() {
    Report r = EMPTY.plusDevices(List.of(device("docker", false))).plusStage(new StageRun("containers", StageStatus.FAILED, 5, "bug"));
    assertEquals(ExitCode.TOOL_FAILED, Outcome.sidesExitCode(r));
  }
}
