package dev.envdoctor.probe.nvidia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.envdoctor.probe.Recorded;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The placeholders nvidia-smi writes for a value it does not have: on the literals of each form, and
 * on a real recording whose CUDA version reads "Not Found" (SOURCES.md: an Azure A100 80GB PCIe,
 * driver 535.104.12, pasted in a public tutorial).
 */
class NvidiaValuesTest {

  @Test
  void everyPlaceholderIsMissing() {
    for (String v : new String[] {"N/A", "[N/A]", "[Not Supported]", "Not Supported", "Not Found", " ", null}) {
      assertNull(NvidiaValues.text(v), String.valueOf(v));
      assertNull(NvidiaValues.number(v), String.valueOf(v));
    }
    assertEquals("12.4", NvidiaValues.text(" 12.4 "));
    assertEquals(700.0, NvidiaValues.number("700.00 W"));
  }

  /**
   * The recording is `nvidia-smi -q` (text); the probe reads `-q -x`, whose {@code <cuda_version>}
   * carries the same string from the same driver call. The values are taken as they stand after the
   * colon and given to the rule the XML parser uses: "Not Found" is missing, like "N/A" beside it,
   * while the driver's version and the product name are kept.
   */
  @Test
  void aRealNotFoundCudaVersionIsMissing() {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : Recorded.text("nvidia-smi/a100-pcie-azure-q-cuda-not-found.txt").split("\n")) {
      int colon = line.indexOf(" : ");
      if (colon > 0) {
        values.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 3));
      }
    }
    assertEquals("Not Found", values.get("CUDA Version").trim(), "the recording as pasted");
    assertNull(NvidiaValues.text(values.get("CUDA Version")));
    assertNull(NvidiaValues.number(values.get("CUDA Version")));
    assertEquals("535.104.12", NvidiaValues.text(values.get("Driver Version")));
    assertEquals("NVIDIA A100 80GB PCIe", NvidiaValues.text(values.get("Product Name")));
    assertEquals(1L, NvidiaValues.whole(values.get("Attached GPUs")));
  }
}
