package dev.envdoctor.probe;

import dev.envdoctor.model.Virtualization;

/** Which hypervisor and which container, if any, this process runs in. */
public interface VirtualizationDetails {

  Virtualization read();
}
