package dev.envdoctor.protocol;

import dev.envdoctor.model.Backend;

/** A side's name at the turns and in the burst records: runtime/backend (native/djl, docker/djl, native/python). */
public final class SideNames {

  private SideNames() {}

  public static String side(String runtime, Backend backend) {
    return side(runtime, Backend.text(backend));
  }

  public static String side(String runtime, String backend) {
    return runtime + "/" + backend;
  }
}
