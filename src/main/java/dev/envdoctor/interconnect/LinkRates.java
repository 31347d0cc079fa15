package dev.envdoctor.interconnect;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rate of a link per direction, in GB/s. NVLink: 25 GB/s per link and direction for NVLink 2–4
 * (V100 NV6 150, A100 NV12 300, H100/H200 NV18 450), 50 for NVLink 5 (compute capability 10+, B200
 * NV18 900), 20 for NVLink 1 (P100). PCIe: per lane after encoding, Gen1 0.25, Gen2 0.5, Gen3 0.985,
 * Gen4 1.969, Gen5 3.938, Gen6 7.563 GB/s (x16 Gen4 31.5, x16 Gen5 63).
 */
public final class LinkRates {

  private static final Pattern PCIE = Pattern.compile("gen\\s*(\\d)\\s*x\\s*(\\d+)");
  private static final double[] PCIE_LANE = {0, 0.25, 0.5, 0.985, 1.969, 3.938, 7.563};

  private LinkRates() {}

  /** @param computeCapability "9.0" and the like; null: taken as NVLink 2–4 */
  public static double nvlinkGBps(int links, String computeCapability) {
    return links * perNvlink(computeCapability);
  }

  static double perNvlink(String computeCapability) {
    int major = major(computeCapability);
    if (major >= 10) {
      return 50.0;
    }
    return major == 6 ? 20.0 : 25.0;
  }

  /** "Gen5 x16" (host.gpus[].pcieLink) to GB/s per direction; null when it cannot be read. */
  public static Double pcieGBps(String link) {
    if (link == null) {
      return null;
    }
    Matcher m = PCIE.matcher(link.toLowerCase(Locale.ROOT));
    if (!m.find()) {
      return null;
    }
    int gen = Integer.parseInt(m.group(1));
    int lanes = Integer.parseInt(m.group(2));
    return gen < 1 || gen >= PCIE_LANE.length ? null : PCIE_LANE[gen] * lanes;
  }

  private static int major(String cc) {
    if (cc == null) {
      return 0;
    }
    try {
      return Integer.parseInt(cc.strip().split("\\.")[0]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
