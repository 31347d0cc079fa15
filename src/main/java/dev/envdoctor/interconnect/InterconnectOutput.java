package dev.envdoctor.interconnect;

import dev.envdoctor.model.InterconnectBuilder;
import dev.envdoctor.run.Words;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.envdoctor.model.Interconnect;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The document envdoctor_interconnect.py prints (protocol {@code envdoctor/interconnect/v1}), and
 * the {@code interconnect[]} entries it stands for. The bandwidths are computed here again from
 * bytes, ranks and seconds ({@link BusBandwidth}), so the report's figures have one definition.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InterconnectOutput(String protocol, String torch, AllReduce allReduce, P2p p2p, String diagnosis) {

  public static final String PROTOCOL = "envdoctor/interconnect/v1";
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record AllReduce(String backend, Integer ranks, List<String> devices, String ncclVersion,
      Map<String, String> ncclSettings, String algorithm, List<Size> results, String diagnosis,
      List<String> stderrTail) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Size(Long bytes, Double seconds, Integer iterations, Boolean correct, Long mismatched,
      String diagnosis) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record P2p(Integer devices, Long bytes, List<Pair> pairs, String diagnosis) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Pair(String src, String dst, Boolean peerAccess, @JsonProperty("GBps") Double gbps, String diagnosis) {}

  /** Thrown when stdout is not this script's document. */
  public static final class NotOurs extends Exception {
    NotOurs(String message) {
      super(message);
    }
  }

  public static InterconnectOutput parse(String stdout) throws NotOurs {
    try {
      InterconnectOutput out = MAPPER.readValue(stdout, InterconnectOutput.class);
      if (!PROTOCOL.equals(out.protocol())) {
        throw new NotOurs("not an " + PROTOCOL + " document");
      }
      return out;
    } catch (IOException e) {
      throw new NotOurs("unreadable output: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /** An all-reduce entry as far as the run's facts: who ran it, on what, with which NCCL. */
  private static InterconnectBuilder allReduce(String runtime, AllReduce a) {
    return InterconnectBuilder.builder().runtime(runtime).backend(a.backend()).test(Interconnect.ALL_REDUCE)
        .ranks(a.ranks()).devices(a.devices()).ncclVersion(a.ncclVersion()).ncclSettings(a.ncclSettings())
        .algorithm(a.algorithm());
  }

  /** interconnect[] entries of this run: one per all-reduce size (or one that says why none ran), one per pair. */
  public List<Interconnect> entries(String runtime) {
    List<Interconnect> out = new ArrayList<>();
    if (allReduce != null) {
      AllReduce a = allReduce;
      int ranks = a.ranks() == null ? 0 : a.ranks();
      List<Size> sizes = a.results() == null ? List.of() : a.results();
      for (Size s : sizes) {
        Double alg = s.bytes() == null ? null : BusBandwidth.algGBps(s.bytes(), s.seconds());
        String diagnosis = s.diagnosis();
        if (diagnosis == null && Boolean.FALSE.equals(s.correct())) {
          diagnosis = "wrong sum: " + s.mismatched() + " elements differ from the expected sum of "
              + Words.count(ranks, "rank");
        }
        out.add(allReduce(runtime, a).bytes(s.bytes()).seconds(s.seconds()).iterations(s.iterations()).algGBps(alg)
            .busGBps(BusBandwidth.allReduceBusGBps(alg, ranks)).correct(s.correct()).diagnosis(diagnosis).build());
      }
      if (a.diagnosis() != null) {
        String tail = a.stderrTail() == null || a.stderrTail().isEmpty() ? ""
            : " (last lines: " + String.join(" | ", a.stderrTail().subList(Math.max(0, a.stderrTail().size() - 3),
                a.stderrTail().size())) + ")";
        out.add(allReduce(runtime, a).correct(sizes.isEmpty() ? null : Boolean.FALSE).diagnosis(a.diagnosis() + tail)
            .build());
      }
    }
    if (p2p != null && p2p.pairs() != null) {
      for (Pair p : p2p.pairs()) {
        out.add(InterconnectBuilder.builder()
            .runtime(runtime)
            .backend("cuda")
            .test(Interconnect.P2P_COPY)
            .ranks(2)
            .devices(List.of(p.src(), p.dst()))
            .src(p.src())
            .dst(p.dst())
            .bytes(p2p.bytes())
            .seconds(p.gbps() == null || p2p.bytes() == null ? null : p2p.bytes() / (p.gbps() * 1e9))
            .algGBps(p.gbps())
            .busGBps(p.gbps())
            .peerAccess(p.peerAccess())
            .diagnosis(p.diagnosis())
            .build());
      }
    }
    return out;
  }
}
