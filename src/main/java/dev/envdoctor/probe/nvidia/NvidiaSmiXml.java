package dev.envdoctor.probe.nvidia;

import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.GpuInfoBuilder;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Parses {@code nvidia-smi -q -x}: the CUDA version the driver supports (the CSV query has no
 * field for it) and, for drivers whose CSV query lacks a field, the same facts per GPU.
 */
public final class NvidiaSmiXml {

  /** The whole log: the driver's CUDA version and one GPU per {@code <gpu>}. */
  public record Log(String driverVersion, String cudaVersion, List<GpuInfo> gpus) {}

  private NvidiaSmiXml() {}

  /** Empty log for text that is not nvidia-smi's XML. */
  public static Log parse(String xml) {
    Document doc = document(xml);
    if (doc == null) {
      return new Log(null, null, List.of());
    }
    Element root = doc.getDocumentElement();
    String driver = NvidiaValues.text(child(root, "driver_version"));
    String cuda = NvidiaValues.text(child(root, "cuda_version"));
    List<GpuInfo> gpus = new ArrayList<>();
    NodeList list = root.getElementsByTagName("gpu");
    for (int i = 0; i < list.getLength(); i++) {
      gpus.add(gpu((Element) list.item(i), driver, cuda));
    }
    return new Log(driver, cuda, gpus);
  }

  private static GpuInfo gpu(Element g, String driver, String cuda) {
    String powerLimit = path(g, "gpu_power_readings", "current_power_limit");
    if (powerLimit == null || NvidiaValues.number(powerLimit) == null) {
      powerLimit = path(g, "power_readings", "power_limit");
    }
    return GpuInfoBuilder.builder()
        .name(NvidiaValues.text(child(g, "product_name")))
        .vendor("NVIDIA")
        .memoryBytes(NvidiaValues.mibToBytes(path(g, "fb_memory_usage", "total")))
        .driverVersion(driver)
        .cudaVersion(cuda)
        .smClockMaxMhz(NvidiaValues.whole(path(g, "max_clocks", "sm_clock")))
        .memClockMaxMhz(NvidiaValues.whole(path(g, "max_clocks", "mem_clock")))
        .powerLimitW(NvidiaValues.number(powerLimit))
        .temperatureC(NvidiaValues.number(path(g, "temperature", "gpu_temp")))
        .eccEnabled(NvidiaValues.enabled(path(g, "ecc_mode", "current_ecc")))
        .persistenceMode(NvidiaValues.enabled(child(g, "persistence_mode")))
        .pcieLink(NvidiaValues.pcieLink(path(g, "pci", "pci_gpu_link_info", "pcie_gen", "current_link_gen"), path(g, "pci", "pci_gpu_link_info", "link_widths", "current_link_width")))
        .build();
  }

  /** The parsed log, or null for text that is not XML; no DTD is ever fetched or read. */
  static Document document(String xml) {
    if (xml == null || xml.isBlank()) {
      return null;
    }
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      // the log names a DTD file that is not there: never fetch or read it
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setExpandEntityReferences(false);
      return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (Exception e) {
      return null;
    }
  }

  /** The text of a direct child element, or null. */
  private static String child(Element parent, String name) {
    Element e = childElement(parent, name);
    return e == null ? null : e.getTextContent();
  }

  private static Element childElement(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static String path(Element from, String... names) {
    Element e = from;
    for (int i = 0; i < names.length - 1 && e != null; i++) {
      e = childElement(e, names[i]);
    }
    return e == null ? null : child(e, names[names.length - 1]);
  }
}
