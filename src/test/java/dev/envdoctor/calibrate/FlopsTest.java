package dev.envdoctor.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envdoctor.worker.Workloads;
import org.junit.jupiter.api.Test;

/** The analytic FLOP counts against counts done by hand, layer by layer (docs/calibration.md). */
class FlopsTest {

  @Test
  void mlpAtItsDefaultsCountedByHand() {
    // 784·512 = 401,408; 512·512 = 262,144; 512·10 = 5,120  → 668,672 MACs per sample
    long macs = 401_408 + 262_144 + 5_120;
    assertEquals(macs, Workloads.of("mlp").macsPerSample(64));
    // 2 FLOPs per MAC, 64 samples, 3× for a training step
    assertEquals(256_770_048.0, Flops.trainingStep(Workloads.of("mlp").macsPerSample(64), 64));
  }

  @Test
  void cnnAt64PixelsCountedByHand() {
    // outputs 32², 16², 8², 4²: H·W·Cout·Cin·9
    long b1 = 32 * 32 * 16 * 3 * 9;   //   442,368
    long b2 = 16 * 16 * 32 * 16 * 9;  // 1,179,648
    long b3 = 8 * 8 * 64 * 32 * 9;    // 1,179,648
    long b4 = 4 * 4 * 128 * 64 * 9;   // 1,179,648
    long head = 128 * 10;
    assertEquals(3_982_592L, b1 + b2 + b3 + b4 + head);
    assertEquals(b1 + b2 + b3 + b4 + head, Workloads.of("cnn").macsPerSample(64));
    assertEquals(382_328_832.0, Flops.trainingStep(Workloads.of("cnn").macsPerSample(64), 16));
  }

  @Test
  void cnnAtAnOddSizeRoundsUpLikePadding1Stride2() {
    // 33 → 17 → 9 → 5 → 3: ceil(in/2) each time
    long expected = 17L * 17 * 16 * 3 * 9 + 9L * 9 * 32 * 16 * 9 + 5L * 5 * 64 * 32 * 9 + 3L * 3 * 128 * 64 * 9 + 1280;
    assertEquals(expected, Workloads.of("cnn").macsPerSample(33));
  }
}
