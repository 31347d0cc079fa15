package dev.envdoctor.model;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import java.util.Map;

/**
 * {@code interconnect[]}: one measurement of how devices talk. {@code test} is {@code all-reduce}
 * (one entry per message size of the sweep: {@code ranks} processes, one per device, summing
 * {@code bytes} each) or {@code p2p-copy} (a copy of {@code bytes} from {@code src} to {@code dst}).
 * algGBps = bytes / seconds; for all-reduce busGBps = algGBps × 2(n−1)/n (nccl-tests' bus bandwidth,
 * comparable to a link's rate per direction whatever the number of ranks). linkType and linkGBps
 * are the slowest hop of the best ring through the devices (from {@code topology}, or the GPUs'
 * PCIe links), fractionOfLink = busGBps (or GBps of a copy) / linkGBps. ncclSettings: the NCCL_*
 * variables present in the environment (envdoctor never sets any); algorithm: what NCCL's own log
 * says it ran, null when it was not logged.
 */
@RecordBuilder
public record Interconnect(
    String runtime,
    String backend,
    String test,
    Integer ranks,
    List<String> devices,
    String src,
    String dst,
    Long bytes,
    Double seconds,
    Integer iterations,
    Double algGBps,
    Double busGBps,
    Boolean correct,
    Boolean peerAccess,
    String linkType,
    Double linkGBps,
    Double fractionOfLink,
    String ncclVersion,
    Map<String, String> ncclSettings,
    String algorithm,
    String diagnosis) {

  public static final String ALL_REDUCE = "all-reduce";
  public static final String P2P_COPY = "p2p-copy";

  public Interconnect {
    devices = devices == null ? List.of() : List.copyOf(devices);
    ncclSettings = ncclSettings == null ? Map.of() : Map.copyOf(ncclSettings);
  }

  public boolean allReduce() {
    return ALL_REDUCE.equals(test);
  }

  /** This entry judged against a link: its type, rate, the fraction reached, and a diagnosis. */
  public Interconnect withLink(String type, Double gbps, Double fraction, String diagnosis) {
    return InterconnectBuilder.builder(this).linkType(type).linkGBps(gbps).fractionOfLink(fraction).diagnosis(diagnosis)
        .build();
  }
}
