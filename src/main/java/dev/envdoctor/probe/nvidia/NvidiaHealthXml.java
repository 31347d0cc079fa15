package dev.envdoctor.probe.nvidia;

import dev.envdoctor.model.GpuHealth;
import dev.envdoctor.model.GpuHealthBuilder;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The health facts of each GPU in {@code nvidia-smi -q -x}, one per {@code <gpu>} in order: PCIe
 * link (current beside maximum), ECC error counts, retired pages, remapped rows, the active
 * clock-throttle reasons, the performance state. Pure: XML in, records out; the schema's names
 * differ across drivers (clocks_throttle_reasons before 535, clocks_event_reasons after; ECC
 * counts as single_bit/double_bit totals before Ampere, sram/dram after), and both are read.
 */
public final class NvidiaHealthXml {

  private NvidiaHealthXml() {}

  /** An empty list for text that is not nvidia-smi's XML. */
  public static List<GpuHealth> parse(String xml) {
    Document doc = NvidiaSmiXml.document(xml);
    if (doc == null) {
      return List.of();
    }
    List<GpuHealth> out = new ArrayList<>();
    NodeList list = doc.getDocumentElement().getElementsByTagName("gpu");
    for (int i = 0; i < list.getLength(); i++) {
      out.add(gpu((Element) list.item(i)));
    }
    return out;
  }

  private static GpuHealth gpu(Element g) {
    Element link = path(g, "pci", "pci_gpu_link_info");
    Integer genCur = integer(text(link, "pcie_gen", "current_link_gen"));
    Integer genMax = integer(text(link, "pcie_gen", "max_link_gen"));
    Integer widthCur = integer(text(link, "link_widths", "current_link_width"));
    Integer widthMax = integer(text(link, "link_widths", "max_link_width"));
    List<String> reasons = activeReasons(g);
    Boolean idle = reasons == null ? null : reasons.remove("gpu_idle");
    reasons = reasons == null ? List.of() : reasons;
    String pstate = NvidiaValues.text(text(g, "performance_state"));
    Element ecc = path(g, "ecc_errors");
    Element retired = path(g, "retired_pages");
    Element rows = path(g, "remapped_rows");
    return GpuHealthBuilder.builder().pciBusId(busId(g.getAttribute("id"))).performanceState(pstate).idle(idle)
        .pcieGenCurrent(genCur).pcieGenMax(genMax).pcieWidthCurrent(widthCur).pcieWidthMax(widthMax)
        .pcieWidthDegraded(widthCur == null || widthMax == null ? null : widthCur < widthMax)
        .pcieGenDegraded(genDegraded(genCur, genMax, integer(text(link, "pcie_gen", "max_device_link_gen")), pstate, idle))
        .eccVolatileCorrected(eccCount(ecc, "volatile", true))
        .eccVolatileUncorrected(eccCount(ecc, "volatile", false))
        .eccAggregateCorrected(eccCount(ecc, "aggregate", true))
        .eccAggregateUncorrected(eccCount(ecc, "aggregate", false))
        .retiredPagesSingleBit(integer(text(retired, "multiple_single_bit_retirement", "retired_count")))
        .retiredPagesDoubleBit(integer(text(retired, "double_bit_retirement", "retired_count")))
        .retiredPagesPending(yes(text(retired, "pending_retirement")))
        .remappedRowsCorrectable(integer(text(rows, "remapped_row_corr")))
        .remappedRowsUncorrectable(integer(text(rows, "remapped_row_unc")))
        .remappedRowsPending(yes(text(rows, "remapped_row_pending")))
        .remapFailure(yes(text(rows, "remapped_row_failure"))).throttleReasons(reasons).build();
  }

  /**
   * A link below its generation is degraded where the slot caps it below the card (max_link_gen
   * under max_device_link_gen, idle or not), or where it runs low while the board is busy (P0-P2):
   * an idle board drops its link generation to save power, whatever clock reason it reports (P8
   * with sw_power_cap, or none, on GeForce and RTX PRO boards). Unknown without the state.
   */
  static Boolean genDegraded(Integer cur, Integer max, Integer deviceMax, String pstate, Boolean idle) {
    if (max != null && deviceMax != null && max < deviceMax) {
      return Boolean.TRUE;
    }
    if (cur == null || max == null) {
      return null;
    }
    if (cur >= max || Boolean.TRUE.equals(idle)) {
      return Boolean.FALSE;
    }
    return pstate == null ? null : pstate.matches("P[0-2]");
  }

  /** "00000000:3B:00.0" (nvidia-smi) as the kernel log writes it: "0000:3b:00". */
  public static String busId(String id) {
    if (id == null || !id.matches("(?i)[0-9a-f]{4,8}:[0-9a-f]{2}:[0-9a-f]{2}(\\.[0-9a-f])?")) {
      return null;
    }
    String[] p = id.toLowerCase(java.util.Locale.ROOT).split("[:.]");
    return p[0].substring(p[0].length() - 4) + ":" + p[1] + ":" + p[2];
  }

  /** Both names of the reasons element; each child ends with the reason's name and says Active. Null: none reported. */
  private static List<String> activeReasons(Element g) {
    List<String> out = null;
    for (String holder : List.of("clocks_event_reasons", "clocks_throttle_reasons")) {
      Element e = path(g, holder);
      if (e == null) {
        continue;
      }
      out = out == null ? new ArrayList<>() : out;
      for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element r && "Active".equalsIgnoreCase(r.getTextContent().trim())) {
          out.add(r.getTagName().replaceFirst("^clocks_(event|throttle)_reason_", ""));
        }
      }
    }
    return out;
  }

  /**
   * Correctable or uncorrectable ECC errors in one section (volatile, aggregate): Ampere and later
   * report sram_/dram_ counts, which are added; older GPUs single_bit/double_bit with a total.
   */
  private static Long eccCount(Element ecc, String section, boolean corrected) {
    Element s = path(ecc, section);
    if (s == null) {
      return null;
    }
    Long sum = null;
    for (Node n = s.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e)) {
        continue;
      }
      String tag = e.getTagName();
      boolean modern = (tag.startsWith("sram_") || tag.startsWith("dram_")) && !tag.contains("threshold")
          && (corrected ? tag.endsWith("_correctable") : tag.contains("_uncorrectable"));
      boolean old = tag.equals(corrected ? "single_bit" : "double_bit");
      Long v = modern ? NvidiaValues.whole(e.getTextContent()) : old ? NvidiaValues.whole(text(e, "total")) : null;
      if (v != null) {
        sum = sum == null ? v : sum + v;
      }
    }
    return sum;
  }

  private static Integer integer(String v) {
    Long l = NvidiaValues.whole(v);
    return l == null ? null : Math.toIntExact(l);
  }

  private static Boolean yes(String v) {
    String t = NvidiaValues.text(v);
    return t == null ? null : t.equalsIgnoreCase("Yes") ? Boolean.TRUE : t.equalsIgnoreCase("No") ? Boolean.FALSE : null;
  }

  private static Element path(Element from, String... names) {
    Element e = from;
    for (String n : names) {
      if (e == null) {
        return null;
      }
      Element next = null;
      for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
        if (c instanceof Element x && x.getTagName().equals(n)) {
          next = x;
          break;
        }
      }
      e = next;
    }
    return e;
  }

  private static String text(Element from, String... names) {
    Element e = path(from, names);
    return e == null ? null : e.getTextContent();
  }
}
