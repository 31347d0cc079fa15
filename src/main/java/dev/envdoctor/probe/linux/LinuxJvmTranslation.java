package dev.envdoctor.probe.linux;

import dev.envdoctor.probe.HostProbe;
import dev.envdoctor.probe.JvmTranslation;

/**
 * An x86_64 JVM in an arm64 Linux VM of a Mac runs under Rosetta for Linux, which registers itself
 * as the binfmt_misc handler "rosetta" (Docker Desktop and Apple's Virtualization framework do this).
 */
final class LinuxJvmTranslation implements JvmTranslation {

  private final LinuxFiles files;

  LinuxJvmTranslation(LinuxFiles files) {
    this.files = files;
  }

  @Override
  public Boolean translated(String jvmArch) {
    return "x86_64".equals(HostProbe.arch(jvmArch)) && files.exists("/proc/sys/fs/binfmt_misc/rosetta");
  }
}
