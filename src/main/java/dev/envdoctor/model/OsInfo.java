package dev.envdoctor.model;

/** {@code host.os}: family is linux, macos or windows; arch as the hardware reports it (x86_64, arm64). */
public record OsInfo(String family, String name, String version, String kernel, String arch) {}
