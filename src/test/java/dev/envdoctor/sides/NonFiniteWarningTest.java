package dev.envdoctor.sides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.DeviceResultBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The warning a verified device carries when its YOLOv8 projection steps skipped updates for a
 * non-finite gradient (Worker.project): the device stays verified, its figures stay, the warning
 * says how many steps of how many and what to do. Constructed inputs: the event itself is rare
 * (about 1 in 40 DJL steps on the development VM) and cannot be planted in libtorch's backward.
 */
class NonFiniteWarningTest {

  @Test
  void theDeviceStaysVerifiedAndSaysHowManyStepsSkipped() {
    DeviceResult cpu = DeviceResultBuilder.builder()
        .backend(Backend.DJL)
        .device("cpu")
        .name("AMD EPYC")
        .verified(true)
        .maxAbsError(3.6e-7)
        .tolerance(1e-2)
        .stderrTail(List.of("tail"))
        .build();
    DeviceResult warned = Answers.nonFinite(cpu, 1, 10);
    assertEquals(Boolean.TRUE, warned.verified());
    assertEquals(3.6e-7, warned.maxAbsError());
    assertEquals(List.of("tail"), warned.stderrTail());
    assertTrue(warned.diagnosis().startsWith("1 of 10 YOLOv8 training steps on cpu got a non-finite gradient"),
        warned.diagnosis());
    assertTrue(warned.fix().startsWith("clip the gradients and skip a non-finite update"), warned.fix());
  }
}
