package dev.envdoctor.report;


import dev.envdoctor.model.Backend;
import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.model.StageStatus;
import dev.envdoctor.run.Outcome;
import dev.envdoctor.run.ExitCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.model.StageRun;
import dev.envdoctor.probe.Recorded;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stderr lines under --json: one per reason for the exit code. The base is the dev VM's real
 * fleet node report (recorded/fleet, exit 0, no GPU); each test's change to it is constructed.
 */
class ExitReasonsTest {

  private static Report real() throws Exception {
    return ReportJson.read(Recorded.text("fleet/devvm-a.json"));
  }

  @Test
  void aReportThatExitsZeroHasNoReasonAndAnAbsentGpuIsNone() throws Exception {
    Report r = real();
    assertEquals(ExitCode.OK, Outcome.exitCode(r, false));
    assertTrue(r.host().gpus().isEmpty(), "the dev VM has no GPU");
    assertEquals(List.of(), ExitReasons.of(r, false));
  }

  @Test
  void aRefusedStageIsItsOwnOneLineAndADeviceThatDidNotVerifyIsNamed() throws Exception {
    Report r = real();
    List<StageRun> stages = new ArrayList<>(r.stages());
    stages.add(new StageRun("report-files", StageStatus.REFUSED, 3, "cannot write into /r: no space left on the device; free some space there"));
    Report refused = ReportJson.mapper().convertValue(
        ((com.fasterxml.jackson.databind.node.ObjectNode) ReportJson.mapper().valueToTree(r)).set("stages", ReportJson.mapper().valueToTree(stages)),
        Report.class);
    assertEquals(ExitCode.ENVIRONMENT, Outcome.exitCode(refused, false));
    assertEquals(List.of("cannot write into /r: no space left on the device; free some space there"), ExitReasons.of(refused, false));
    List<DeviceResult> devices = new ArrayList<>(r.devices());
    devices.add(DeviceResultBuilder.builder()
        .runtime("docker")
        .backend(Backend.DJL)
        .device("cpu")
        .verified(false)
        .diagnosis("the container exited 137 (killed: out of memory)")
        .fix("give Docker more memory")
        .stderrTail(List.of())
        .build());
    assertEquals(List.of("docker/djl/cpu not verified: the container exited 137 (killed: out of memory); fix: give Docker more memory"),
        ExitReasons.of(r.withDevices(devices), false));
  }
}
